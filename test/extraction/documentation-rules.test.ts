// Documentation-page rules of the eleventh to thirteenth rounds: each with a snippet cut down from a WCXB dev
// tuning-half documentation page (the smallest markup that still shows the pattern, texts
// shortened, names kept).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';

const page = (body: string): string => `<!DOCTYPE html><html><head><title>Advanced Usage</title></head><body>${body}</body></html>`;

test("a guide's line about HTTP cookies is its text; a cookie notice is not", () => {
  const html = page(`<div class="cookie-notice-text"><p>We use cookies to improve your experience.</p></div>
    <div class="document"><div class="body" role="main"><section id="advanced-usage"><h1>Advanced Usage</h1>
    <section id="session-objects"><h2>Session Objects</h2>
    <p>The Session object allows you to persist certain parameters across requests. It also persists cookies across all requests made from the Session instance, and will use urllib3’s connection pooling.</p>
    <p>A Session object has all the methods of the main Requests API.</p>
    <p>Let’s persist some cookies across requests:</p>
    <div class="highlight-default notranslate"><div class="highlight"><pre>s = requests.Session()
s.get('https://httpbin.org/cookies/set/sessioncookie/123456789')
r = s.get('https://httpbin.org/cookies')</pre></div></div>
    <p>Sessions can also be used to provide default data to the request methods. This is done by providing data to the properties on a Session object:</p>
    </section></section></div></div>
    <p>Cookie settings</p><p>This website uses cookies. By continuing to browse, you agree to our use of cookies.</p>`);
  const lines = extractMainText(html).text.split('\n');
  assert.ok(lines.includes('Let’s persist some cookies across requests:'), lines.join('\n'));
  for (const notice of ['We use cookies to improve your experience.', 'Cookie settings', 'This website uses cookies. By continuing to browse, you agree to our use of cookies.'])
    assert.ok(!lines.includes(notice), `kept: ${notice}\n--- got:\n${lines.join('\n')}`);
});

test("a tutorial's sentence ending in 'like this:' before its code is its text; WordPress's 'Like this:' label is not", () => {
  const html = page(`<div class="document"><div class="body" role="main"><section id="quickstart"><h1>Quickstart</h1>
    <p>Eager to get started? This page gives a good introduction to Flask. Follow Installation to set up a project and install Flask first.</p>
    <section id="a-minimal-application"><h2>A Minimal Application<a class="headerlink" href="#a-minimal-application" title="Link to this heading">¶</a></h2>
    <p>A minimal Flask application looks something like this:</p>
    <div class="highlight-python notranslate"><div class="highlight"><pre>from flask import Flask

app = Flask(__name__)

@app.route("/")
def hello_world():
    return "&lt;p&gt;Hello, World!&lt;/p&gt;"</pre></div></div>
    <p>So what did that code do? First we imported the Flask class. An instance of this class will be our WSGI application.</p>
    <p>Like this:</p><p>Share this:</p>
    </section></section></div></div>`);
  const lines = extractMainText(html).text.split('\n');
  assert.ok(lines.includes('A minimal Flask application looks something like this:'), lines.join('\n'));
  for (const label of ['Like this:', 'Share this:']) assert.ok(!lines.includes(label), `kept: ${label}\n--- got:\n${lines.join('\n')}`);
});

test("a docs section whose id is made from its heading is text, though the id holds a chrome word; a blog's comments box is not", () => {
  const html = page(`<div class="document"><div class="body" role="main"><section id="quickstart"><h1>Quickstart</h1>
    <p>Eager to get started? This page gives a good introduction to Flask. Follow Installation to set up a project and install Flask first.</p>
    <section id="file-uploads"><h3>File Uploads<a class="headerlink" href="#file-uploads" title="Link to this heading">¶</a></h3>
    <p>You can handle uploaded files with Flask easily. Just make sure not to forget to set the enctype attribute on your HTML form.</p></section>
    <section id="cookies"><h3>Cookies<a class="headerlink" href="#cookies" title="Link to this heading">¶</a></h3>
    <p>To access cookies you can use the <a class="reference internal" href="../api/#flask.Request.cookies"><code>cookies</code></a> attribute. To set cookies you can use the <a class="reference internal" href="../api/#flask.Response.set_cookie"><code>set_cookie</code></a> method of response objects.</p>
    <p>Reading cookies:</p>
    <div class="highlight-default notranslate"><div class="highlight"><pre>username = request.cookies.get('username')</pre></div></div>
    </section>
    <section id="redirects-and-errors"><h3>Redirects and Errors<a class="headerlink" href="#redirects-and-errors" title="Link to this heading">¶</a></h3>
    <p>To redirect a user to another endpoint, use the redirect() function; to abort a request early with an error code, use the abort() function.</p></section>
    </section></div></div>
    <div id="comments"><h3>Comments</h3><p>Great tutorial, thanks a lot! It helped me get my first Flask app running in an afternoon.</p></div>`);
  const lines = extractMainText(html).text.split('\n');
  for (const line of ['To access cookies you can use the cookies attribute. To set cookies you can use the set_cookie method of response objects.', 'Reading cookies:', "username = request.cookies.get('username')"]) assert.ok(lines.includes(line), `lost: ${line}\n--- got:\n${lines.join('\n')}`);
  assert.ok(!lines.some((l) => l.startsWith('Great tutorial')), lines.join('\n'));
});

test("a docs page's <h1> four levels above its first paragraph is its headline (WCXB 0669)", () => {
  const html = page(`<nav id="sidebar"><ul><li><a href="/docs/handbook/2/generics.html">Generics</a></li><li><a href="/docs/handbook/2/keyof-types.html">Keyof Type Operator</a></li></ul></nav>
    <div id="handbook-content" role="article"><h1>Creating Types from Types</h1><article><div class="whitespace raised"><div class="markdown">
    <p>TypeScript’s type system is very powerful because it allows expressing types <em>in terms of other types</em>.</p>
    <p>The simplest form of this idea is generics. Additionally, we have a wide variety of <em>type operators</em> available to use.</p>
    <p>By combining various type operators, we can express complex operations and values in a succinct, maintainable way.</p>
    <ul><li><a href="/docs/handbook/2/generics.html">Generics</a> - Types which take parameters</li>
    <li><a href="/docs/handbook/2/keyof-types.html">Keyof Type Operator</a> - Using the <code>keyof</code> operator to create new types</li></ul>
    </div></div></article></div>`);
  const lines = extractMainText(html).text.split('\n');
  assert.equal(lines[0], 'Creating Types from Types', lines.join('\n'));
});
