// Small readers for the OCR'd document text: numbered lines, table rows (tab- or pipe-separated), fenced code.

/** The document as { n (1-based line number), text } so every extracted item can say where it came from. */
export const numberLines = (content) => content.split(/\r?\n/).map((text, i) => ({ n: i + 1, text }));

const SEPARATOR = /^[\s|:-]*-{3,}[\s|:-]*$/;

/** Cells of a table row, or undefined for a line that is not one. Separator rows (`---|---`) are not rows. */
export function tableCells(text) {
  if (SEPARATOR.test(text.replace(/\t/g, ' '))) return undefined;
  if (text.includes('\t')) return text.split('\t').map((cell) => cell.trim());
  const trimmed = text.trim();
  if (trimmed.startsWith('|') && trimmed.endsWith('|') && trimmed.length > 1) {
    return trimmed
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
  }
  // The TRRO page writes rows as `a | b | c |` with no leading pipe.
  if (/^[^|]+(\|[^|]*){2,}$/.test(trimmed) && trimmed.endsWith('|'))
    return trimmed
      .slice(0, -1)
      .split('|')
      .map((cell) => cell.trim());
  return undefined;
}

/** True for a separator line (`---|---|`, `----\t----`), which also appears mid-table after a page break. */
export const isSeparator = (text) => SEPARATOR.test(text.replace(/\t/g, ' ')) && text.includes('-');

/**
 * Rows of the tables in `lines` whose header is one of `headers` (first cell). Page breaks repeat the header
 * and sometimes add a separator row; both are skipped, so a table split over pages reads as one.
 */
export function tableRows(lines, headerNames) {
  const rows = [];
  let header;
  for (const line of lines) {
    if (isSeparator(line.text)) continue;
    const cells = tableCells(line.text);
    if (!cells) {
      // Any other text ends the table; blank lines (page breaks) do not.
      if (line.text.trim() !== '') header = undefined;
      continue;
    }
    if (headerNames.includes(cells[0])) {
      header = cells;
      continue;
    }
    if (header) rows.push({ line: line.n, cells, header });
  }
  return rows;
}

/** The bodies of ``` fenced blocks in `lines`, each joined; OCR page breaks split one example into several. */
export function fencedBlocks(lines) {
  const blocks = [];
  let current;
  for (const line of lines) {
    if (/^\s*```/.test(line.text)) {
      if (current) {
        blocks.push(current);
        current = undefined;
      } else current = { line: line.n, lines: [] };
      continue;
    }
    if (current) current.lines.push(line.text);
  }
  return blocks.map((b) => ({ line: b.line, text: b.lines.join('\n').replace(/^\n+|\n+$/g, '') })).filter((b) => b.text.trim() !== '');
}

/** Splits `description 示例值：example` (full- or half-width colon) and drops the "may return null" note. */
export function splitDescription(raw) {
  let text = raw.trim();
  const nullable = /注意[：:]\s*此字段可能返回\s*null[，,]\s*表示取不到有效值。?/.test(text);
  text = text.replace(/\s*注意[：:]\s*此字段可能返回\s*null[，,]\s*表示取不到有效值。?\s*/g, ' ').trim();
  const at = text.search(/示例值[：:]/);
  if (at === -1) return { description: text, nullable };
  const example = text
    .slice(at)
    .replace(/^示例值[：:]\s*/, '')
    .trim();
  return { description: text.slice(0, at).trim(), example, nullable };
}
