// Package web is Parallax's server-rendered HTML UI: story list, story
// comparison, article, entity, search, feeds and an add form. Pages are
// html/template with embedded CSS and no script, readable and usable with
// the keyboard alone. Highlights are built by splitting an article's text
// at span boundaries and escaping every piece (Highlight), so hostile text
// can never become markup.
//
// Forms are protected by a double-submit CSRF token plus Origin and
// Sec-Fetch-Site checks; when the server has a token, forms ask for it.
package web
