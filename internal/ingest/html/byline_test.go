package html

import (
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"
)

func TestCleanByline(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"By Jane Doe"}, "Jane Doe"},
		{[]string{"Veröffentlicht von Chris Jung"}, "Chris Jung"},
		{[]string{"View all posts by Daniel Lemire"}, "Daniel Lemire"},
		{[]string{"MORITZ GATHMANN am 21. April 2020"}, "MORITZ GATHMANN"},
		{[]string{"Nicole Collignon 22. Februar 2020"}, "Nicole Collignon"},
		{[]string{"Limespacer · 22. Oktober 2019"}, "Limespacer"},
		{[]string{"Alex Bozarjian Thursday, November 7"}, "Alex Bozarjian"},
		{[]string{"Heiko Sauer Do, 12.05.2022"}, "Heiko Sauer"},
		{[]string{"'Luana Patriolino, Raphael Felice'"}, "Luana Patriolino, Raphael Felice"},
		{[]string{"Anna Smith", "anna smith", "Bo Li"}, "Anna Smith; Bo Li"},
		{[]string{"Kersti Wolnow sagt"}, ""},
		{[]string{"Veröffentlicht am"}, ""},
		{[]string{"Name"}, ""},
		{[]string{"https://example.com/staff/jane"}, ""},
		{[]string{"@handle"}, ""},
		{[]string{"29. Juni 2017, 23:39 · von Tobi"}, "Tobi"},
		{[]string{"Posted on September 21, 2020 by Adi Tzlil"}, "Adi Tzlil"},
		{[]string{"Dezember 10, 2019 · von freeman1984 · in Uncategorized"}, "freeman1984"},
		{[]string{"Publié par Jean Dupont"}, "Jean Dupont"},
		{[]string{"By"}, ""},
		{[]string{"Published by"}, ""},
		{[]string{"Auteurs"}, ""},
		{[]string{"Rechtsanwalt Sebastian Einbock"}, "Sebastian Einbock"},
		{[]string{"FOCUS-Online-Experte Robin Tschöpe"}, "Robin Tschöpe"},
		{[]string{"Clara Löw , Siddharth Prakash & Klaus Jacob"}, "Clara Löw, Siddharth Prakash & Klaus Jacob"},
		{[]string{"Dr. Jane Doe"}, "Dr. Jane Doe"},
		{[]string{"Frau Sabienes"}, "Frau Sabienes"},
		{[]string{"Text von Christian Seiler Illustration von Markus Roost"}, "Christian Seiler"},
		{[]string{"Words: Rudolf Fischer, Simon Kohler Photos: Simon Kohler"}, "Rudolf Fischer, Simon Kohler"},
		{[]string{"En kiosques : juillet 2020", "par Didier Roy , 21 juin 2018"}, "Didier Roy"},
	}
	for _, tt := range tests {
		if got := cleanByline(tt.in...); got != tt.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBylinePrefersPerson(t *testing.T) {
	tests := []struct {
		name string
		meta pageMeta
		site string
		want string
	}{
		{"outlet then person", pageMeta{meta: map[string]string{"author": "Example News"}, bylines: []string{"By Jane Doe"}}, "Example News", "Jane Doe"},
		{"domain then person", pageMeta{meta: map[string]string{"author": "example.com"}, itemprop: map[string]string{"author": "Jane Doe"}}, "", "Jane Doe"},
		{"only outlet", pageMeta{meta: map[string]string{"author": "Example News"}}, "Example News", "Example News"},
		{"first name completed", pageMeta{meta: map[string]string{"author": "Anna"}, bylines: []string{"Anna Beispiel"}}, "", "Anna Beispiel"},
		{"yoast written-by label", pageMeta{meta: map[string]string{"twitter:label1": "Verfasst von", "twitter:data1": "Karo Herr", "author": "admin2"}}, "", "Karo Herr"},
		{"json-ld of any object", pageMeta{ldAuthor: []string{"Kathrin"}, bylines: []string{"Someone Else"}}, "", "Kathrin"},
		{"first name completed by a person's description", pageMeta{meta: map[string]string{"author": "Nils"}, ldPersons: []string{"Nils Pickert"}}, "", "Nils Pickert"},
		{"outlet after the name", pageMeta{meta: map[string]string{"author": "Rob Picheta, CNN"}}, "CNN", "Rob Picheta"},
		{"outlet staff", pageMeta{bylines: []string{"By Adam Aaronson PhillyVoice Staff"}}, "PhillyVoice", "Adam Aaronson"},
		{"outlet's newsroom kept", pageMeta{meta: map[string]string{"author": "Redacción Diario Siete"}}, "Diario Siete", "Redacción Diario Siete"},
	}
	for _, tt := range tests {
		if got := tt.meta.byline(tt.site); got != tt.want {
			t.Errorf("%s: byline = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestTextByline(t *testing.T) {
	tests := []struct{ text, want string }{
		{"von Daniela Obers\n\nGrenzen setzen ist schwer.", "Daniela Obers"},
		{"Body text.\n\nText: Klaus Friedrich", "Klaus Friedrich"},
		{"By Jane Doe and John Roe\n\nBody.", "Jane Doe and John Roe"},
		{"by the river we sat\n\nBody.", ""},
		{"Body text only.", ""},
	}
	for _, tt := range tests {
		if got := textByline(tt.text); got != tt.want {
			t.Errorf("textByline(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestPageByline(t *testing.T) {
	tests := []struct{ page, want string }{
		{`<p>Datum: 19.11.2021<br><span>Autor:</span> Fritz Imhof<br>Lesezeit</p>`, "Fritz Imhof"},
		{`<div><h5>Autor:</h5>Peter Maahn</div>`, "Peter Maahn"},
		{`<p>Autoren Jelko Djuren und Jutta Klaukien</p>`, "Jelko Djuren und Jutta Klaukien"},
		{`<div>Redaktion: Eberhard Fuhr (Pressesprecher)</div>`, "Eberhard Fuhr"},
		{`<p>Autor: unbekannt</p>`, ""},
		{`<ul><li>von Alexander Rosenkranz</li><li>5 min</li></ul><p>Body.</p>`, "Alexander Rosenkranz"},
		{`<p>by the river we sat</p>`, ""},
	}
	for _, tt := range tests {
		doc, err := nethtml.Parse(strings.NewReader(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := pageByline(doc); got != tt.want {
			t.Errorf("pageByline(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}

func TestPageCopyright(t *testing.T) {
	tests := []struct{ page, want string }{
		{`<article><p>Body.</p></article><footer><p>Copyright (c) 2012- Gregory Szorc. All rights reserved.</p></footer>`, "Gregory Szorc"},
		{`<footer><p>(c) Johannes Wolf • Weitere Rechte siehe Impressum</p></footer>`, "Johannes Wolf"},
		{`<footer><p>© 2019 Sven Schreivogel</p></footer>`, "Sven Schreivogel"},
		{`<footer><p>© 2022 Reuters. All rights reserved.</p></footer>`, ""},
		{`<footer><p>© 2022 Springer Fachmedien München</p></footer>`, ""},
		{`<footer><p>Copyright 2021 Axios Media</p></footer>`, ""},
		{`<p>No notice here.</p>`, ""},
	}
	for _, tt := range tests {
		doc, err := nethtml.Parse(strings.NewReader(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := pageCopyright(doc); got != tt.want {
			t.Errorf("pageCopyright(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}

func TestDropAuthorBio(t *testing.T) {
	body := "The council voted on Monday.\n\nThe bridge closes in May."
	tests := []struct{ text, byline, want string }{
		{body + "\n\nJane Doe is a reporter covering the valley towns.", "Jane Doe", body},
		{body + "\n\nJane Doe is a reporter.\n\nBo Li edits the desk.", "Jane Doe; Bo Li", body},
		{body + "\n\nJane Doe said the vote was fair.", "Jane", body + "\n\nJane Doe said the vote was fair."},
		{"Jane Doe opened the meeting.", "Jane Doe", "Jane Doe opened the meeting."},
		{body, "", body},
	}
	for _, tt := range tests {
		if got := dropAuthorBio(tt.text, tt.byline); got != tt.want {
			t.Errorf("dropAuthorBio(%q, %q) = %q, want %q", tt.text, tt.byline, got, tt.want)
		}
	}
}

func TestDropBylineParas(t *testing.T) {
	body := "The council voted on Monday to close the bridge."
	tests := []struct{ text, byline, want string }{
		{"By Jane Doe, CNN\n\n" + body, "Jane Doe", body},
		{"Verfasst von: jane | 31. Dezember 2008\n\n" + body, "jane", body},
		{body + "\n\nJane Doe", "Jane Doe", body},
		{body + "\n\naja/PAP", "", body},
		{body + "\n\nTV/Serie/DVD", "", body + "\n\nTV/Serie/DVD"},
		{"Jane Doe opened the meeting.\n\n" + body, "Jane Doe", "Jane Doe opened the meeting.\n\n" + body},
		{"By the river\n\n" + body, "Jane Doe", "By the river\n\n" + body},
	}
	for _, tt := range tests {
		if got := dropBylineParas(tt.text, tt.byline); got != tt.want {
			t.Errorf("dropBylineParas(%q, %q) = %q, want %q", tt.text, tt.byline, got, tt.want)
		}
	}
}
