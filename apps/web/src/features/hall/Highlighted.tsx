const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** One pass, so `&amp;lt;` becomes the text `&lt;`, never `<`. */
function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

export interface Segment {
  text: string;
  marked: boolean;
}

/** The search engine's HTML-escaped highlight, `a<mark>b</mark>c`, as plain text segments. */
export function parseHighlight(html: string): Segment[] {
  let marked = false;
  const segments: Segment[] = [];
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) segments.push({ text: unescape(part), marked });
  }
  return segments;
}

const MARK_STYLE = { background: '#fff1e6', color: '#a8071a', padding: 0, fontWeight: 600 };

/** Highlighted matches as React text nodes: the server's markup is never injected as HTML. */
export function Highlighted({ html }: { html: string }) {
  return (
    <>
      {parseHighlight(html).map((segment, index) =>
        segment.marked ? (
          <mark key={index} style={MARK_STYLE}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
