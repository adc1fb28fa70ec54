import type { Block, Inline, RichText } from './model.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Rich text as HTML with GOV.UK typography. Every word is escaped: stored text never becomes markup. */
export function renderRichText(text: RichText): string {
  return text.map(renderBlock).join('\n');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p class="govuk-body">${renderInlines(block.content)}</p>`;
    case 'heading':
      return block.level === 2 ? `<h2 class="govuk-heading-m">${escape(block.text)}</h2>` : `<h3 class="govuk-heading-s">${escape(block.text)}</h3>`;
    case 'list': {
      const tag = block.style === 'number' ? 'ol' : 'ul';
      return `<${tag} class="govuk-list govuk-list--${block.style}">${block.items.map((item) => `<li>${renderInlines(item)}</li>`).join('')}</${tag}>`;
    }
    case 'inset':
      return `<div class="govuk-inset-text">${renderInlines(block.content)}</div>`;
    case 'warning':
      return (
        '<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>' +
        `<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${renderInlines(block.content)}</strong></div>`
      );
    case 'details':
      return (
        `<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">${escape(block.summary)}</span></summary>` +
        `<div class="govuk-details__text">${block.content.map(renderBlock).join('\n')}</div></details>`
      );
  }
}

function renderInlines(runs: Inline[]): string {
  return runs
    .map((run) => {
      if (run.type === 'link') return `<a class="govuk-link" href="${escape(safeHref(run.href))}">${escape(run.text)}</a>`;
      return run.bold ? `<strong>${escape(run.text)}</strong>` : escape(run.text);
    })
    .join('');
}

/** Only web, mail and phone links and paths on this site; anything else (javascript:, data:) goes nowhere. */
export function safeHref(href: string): string {
  return /^(https?:|mailto:|tel:|\/(?!\/)|#)/i.test(href) ? href : '#';
}

/** Rich text back as the Markdown editors write, for the edit page. */
export function toMarkdown(text: RichText): string {
  return text.map(blockMarkdown).join('\n\n');
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      // A paragraph that starts like a list, heading or quote must not read back as one.
      return inlineMarkdown(block.content).replace(/^(\d+)([.)])(\s|$)/, '$1\\$2$3').replace(/^([-+#>])/, '\\$1');
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'list':
      return block.items.map((item, i) => `${block.style === 'number' ? `${i + 1}.` : '-'} ${inlineMarkdown(item)}`).join('\n');
    case 'inset':
      return `> ${inlineMarkdown(block.content)}`;
    case 'warning':
      return `> Warning: ${inlineMarkdown(block.content)}`;
    case 'details':
      return `+++ ${block.summary}\n${block.content.map(blockMarkdown).join('\n\n')}\n+++`;
  }
}

function inlineMarkdown(runs: Inline[]): string {
  return runs
    .map((run) => {
      const text = run.text.replace(/([\\*_[\]`<])/g, '\\$1');
      if (run.type === 'link') return `[${text}](${run.href})`;
      return run.bold ? `**${text}**` : text;
    })
    .join('');
}
