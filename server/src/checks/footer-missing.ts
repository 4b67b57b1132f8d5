import { firstLine, lastLine } from '../model/lines';
import type { Check } from './check';
import { footerAlignment } from './facts/footerAlignment';

export const footerMissing: Check = {
  code: 'footer.missing',
  severity: 'warning',
  description: 'The issue has no footer after its last article, or a footer unlike the template.',
  heuristic: false,
  run(context) {
    const { doc } = context;
    const last = doc.articles[doc.articles.length - 1];
    if (!last) return [];
    if (!doc.footer) {
      const lastParagraph = last.body[last.body.length - 1];
      const line = lastParagraph ? lastLine(lastParagraph) : (last.byline ?? last);
      return [{ start: line.start, end: line.end, message: 'Footer missing: no divider and footer follow the last article.' }];
    }
    const alignment = footerAlignment(context);
    if (!alignment?.unrecognised) return [];
    const first = doc.footer.elements[0]!;
    const span = first.type === 'divider' ? first.divider : firstLine(first.paragraph);
    return [
      {
        start: span.start,
        end: span.end,
        message: `Footer does not match the footer template: only ${alignment.found.size} of its ${context.footer.paragraphs.length} paragraphs are here. If this publication has its own footer, set it as the template in bulletin.json.`,
      },
    ];
  },
};
