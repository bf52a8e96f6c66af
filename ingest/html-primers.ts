// Pages that html-blocks.ts parses when it loads, so that a fresh process (a worker, a Slurm array
// element) meets its first real page with type feedback for the rare branches of the tokenizer and
// of html-blocks.ts's handlers, which V8 inlines into it. Without them V8 compiled html-tokenizer.ts's
// parseHtml 11–14 times by TurboFan over the first 1,000 pages (50–240 ms each): every page that
// first took a branch no page had taken before (spaces around `=`, `/ >`, a bogus `</ x>`, `<!`,
// `<?`, CDATA, an upper-case attribute name, raw text without an end tag, …) found no feedback
// there, deoptimised it and had it recompiled. Each snippet after the first ends the parse early in
// a way the first cannot.
// The last one also has html-heading-anchor.ts rewrite a block's `chrome` at load: V8 takes a field
// that no object of its shape has had rewritten as constant, and the first rewrite throws away all
// code compiled on that premise. A late page's long caption (html-long-caption.ts) cleared it
// first, and with it went the code of `close`, `flush`, `select`, `outOfText` and `itemQualities`.

export const PRIMERS: readonly string[] = [
  `<!DOCTYPE html><?xml version="1.0"?><html lang=en><head><title>T &amp; t</title><meta charset="utf-8" /><script>var a = "</div>";</script><style>p{}</style></head>
<body class = "home page" id='top'><header class="site-header"><nav><ul><li><a href="/">Home</a></li></ul></nav></header>
<div class="content" role=main style="color:red" aria-hidden="false"><h1 class="entry-title">Title</h1><p>Some <b>bold</b> text &amp; more.<br/>Line<br></p >
<div hidden><p>gone</p></div><span style="display:none">x</span><img src=x.png alt=""/><image src=y><svg viewBox="0 0 1 1"><title>s</title><![CDATA[z]]><path d="M0"/></svg>
<button aria-expanded="false" aria-controls="a1"><style>.x{}</style><h3>Question?</h3></button><div id="a1" class="panel" hidden><p>Answer.</p></div>
<dl><dt><button aria-controls="a2">Why?</button></dt><dd id="a2" hidden>Because.</dd></dl><table><tr><th>A</th><td>B<span class="sr-only">Yes</span></td></tr></table>
<pre>  code
  more</pre><blockquote>q</blockquote><my-widget>w</my-widget><form><input name=q><textarea>t</textarea></form><form></form><ol><li>one<li>two</ol>
<p>a < b</p></><br / ><DIV CLASS="x" ID=y>u</DIV>text<?pi?>x</ x><!----><!---><!-- c --><!x></x y=1></p></br><span>Merrell</span><span>Moab</span><div role="dialog" aria-modal="true">d</div><aside>a</aside><footer>f</footer>
<noscript><iframe src="x" /></noscript><math><mi>x</mi></math><table><td>c</table><a href=# class=btn>l</a><select><option>o</select><iframe>i</iframe><p>end`,
  '<title>cut',
  '<p>x<script>never ends',
  '<p>x</',
  '<div a',
  '<div a=',
  '<p>x<plaintext><b>y',
  // Ids that their own headings name, whose class chrome clearHeadingAnchors clears.
  '<div><section id="sidebar-tips"><h2>Sidebar tips</h2><p>a</p></section><section id="footer-notes"><h2>Footer notes</h2><p>b</p></section></div>',
];
