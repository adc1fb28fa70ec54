import type { FieldType, FieldTypeLookup } from './types.ts';
import { addAnotherField } from './add-another.ts';
import { addressField } from './address.ts';
import { assetField } from './asset.ts';
import { checkboxesField } from './checkboxes.ts';
import { contentBlocks } from './content.ts';
import { dateField } from './date.ts';
import { declarationField } from './declaration.ts';
import { emailField } from './email.ts';
import { fileUploadField } from './file-upload.ts';
import { locationField } from './location.ts';
import { numberField } from './number.ts';
import { phoneField } from './phone.ts';
import { radiosField } from './radios.ts';
import { selectField } from './select.ts';
import { streetField } from './street.ts';
import { textField } from './text.ts';
import { textareaField } from './textarea.ts';
import { yesNoField } from './yes-no.ts';

export type { AssetLayer, Asset, FieldContext, FieldLookups, FieldType, FieldView, FormField, PostedForm, Reading, ViewOptions } from './types.ts';
export { fieldType } from './types.ts';
export { Question, questionShape, postedText, postedList, type Parsed } from './question.ts';

/** The field types a definition may use, by their `type`. */
export class FieldRegistry implements FieldTypeLookup {
  private readonly byType = new Map<string, FieldType>();

  constructor(types: FieldType[] = []) {
    for (const type of types) this.register(type);
  }

  register(type: FieldType): void {
    if (this.byType.has(type.type)) throw new Error(`A field type called ${type.type} is already registered`);
    this.byType.set(type.type, type);
  }

  get(type: string): FieldType | undefined {
    return this.byType.get(type);
  }

  types(): string[] {
    return [...this.byType.keys()];
  }
}

/** Every type the engine has. The file upload type joins these (src/modules/forms/fields/file-upload.ts). */
export function standardFieldTypes(): FieldRegistry {
  return new FieldRegistry([
    textField,
    textareaField,
    numberField,
    emailField,
    phoneField,
    dateField,
    radiosField,
    checkboxesField,
    selectField,
    yesNoField,
    addressField,
    streetField,
    locationField,
    assetField,
    addAnotherField,
    declarationField,
    fileUploadField,
    ...contentBlocks,
  ]);
}

/** Asset layers by name; modules that own assets (reports) add theirs. Empty until one does. */
export class AssetLayers {
  private readonly layers = new Map<string, import('./types.ts').AssetLayer>();

  add(layer: import('./types.ts').AssetLayer): void {
    this.layers.set(layer.name, layer);
  }

  layer(name: string): import('./types.ts').AssetLayer | undefined {
    return this.layers.get(name);
  }
}
