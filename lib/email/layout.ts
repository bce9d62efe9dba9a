// Plain, table-based HTML e-mail layout: renders in Gmail, Outlook and Apple Mail without CSS
// files. Callers build the body with the small helpers below and always pass escaped text.

const esc: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => esc[c]);
}

/** A paragraph of escaped text. */
export function emailParagraph(text: string): string {
  return `<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:#27272a;">${escapeHtml(text)}</p>`;
}

/** A prominent call-to-action link styled as a button (plus nothing else: add a plain-text fallback yourself). */
export function emailButton(href: string, label: string): string {
  return (
    `<table role="presentation" cellspacing="0" cellpadding="0" border="0" style="margin:8px 0 24px;"><tr>` +
    `<td style="border-radius:6px;background:#18181b;">` +
    `<a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;font-size:16px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(label)}</a>` +
    `</td></tr></table>`
  );
}

/** Muted small print (footnotes, "if you did not ask for this…"). */
export function emailSmallPrint(text: string): string {
  return `<p style="margin:0 0 12px;font-size:13px;line-height:20px;color:#52525b;">${escapeHtml(text)}</p>`;
}

/**
 * Wraps already-rendered body HTML in the Seedprint e-mail frame. `title` is plain text (escaped
 * here); `bodyHtml` is trusted HTML: escape any user data in it with escapeHtml().
 */
export function renderEmailLayout({ title, bodyHtml, preheader }: { title: string; bodyHtml: string; preheader?: string }): string {
  const t = escapeHtml(title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${t}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;">
${preheader ? `<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(preheader)}</div>` : ''}
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="background:#f4f4f5;">
<tr><td align="center" style="padding:32px 16px;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="max-width:560px;background:#ffffff;border:1px solid #e4e4e7;border-radius:8px;">
<tr><td style="padding:24px 32px 0;font-size:18px;font-weight:700;color:#18181b;letter-spacing:-0.01em;">Seedprint</td></tr>
<tr><td style="padding:16px 32px 8px;">
<h1 style="margin:0 0 16px;font-size:22px;line-height:30px;color:#18181b;">${t}</h1>
${bodyHtml}
</td></tr>
<tr><td style="padding:16px 32px 24px;border-top:1px solid #e4e4e7;font-size:12px;line-height:18px;color:#71717a;">Seedprint &middot; print on demand</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}
