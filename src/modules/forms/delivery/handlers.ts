import type { SubmissionHandler } from '../contracts.ts';

/**
 * The module targets: Lastmile modules (reports, later others) register a typed handler under a
 * name, and a form's `{ type: 'module', handler: name }` target sends its submissions there.
 */
export class SubmissionHandlers {
  private readonly byName = new Map<string, SubmissionHandler>();

  register(handler: SubmissionHandler): void {
    if (this.byName.has(handler.name)) throw new Error(`A submission handler called ${handler.name} is already registered`);
    this.byName.set(handler.name, handler);
  }

  find(name: string): SubmissionHandler | undefined {
    return this.byName.get(name);
  }
}
