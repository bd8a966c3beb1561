package text

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		in    string
		want  string // Timestamp.String(); "" when not a date
		doubt bool
	}{
		{"November 27, 2024", "2024-11-27", false},
		{"Nov. 27, 2024", "2024-11-27", false},
		{"Wednesday, November 27, 2024", "2024-11-27", false},
		{"27 November 2024", "2024-11-27", false},
		{"27th Nov 2024", "2024-11-27", false},
		{"2024-11-27", "2024-11-27", false},
		{"27.11.2024", "2024-11-27", false},
		{"27/11/2024", "2024-11-27", false},
		{"11/27/2024", "2024-11-27", false},
		{"05/03/2024", "", false},
		{"April 24, 2025 15:34", "2025-04-24T15:34:00", true},
		{"March 4, 2024 9:15 am EST", "2024-03-04T09:15:00-05:00", false},
		{"March 4, 2024 at 9:15 p.m. GMT", "2024-03-04T21:15:00Z", false},
		{"14:05 GMT, 12 June 2024", "2024-06-12T14:05:00Z", false},
		{"2024-05-06T08:30:00+02:00", "2024-05-06T08:30:00+02:00", false},
		{"2024-05-06 08:30 UTC+3", "2024-05-06T08:30:00+03:00", false},
		{"4 mars 2024 à 10h15", "2024-03-04T10:15:00", true},
		{"27.11.2024, 14:05 Uhr", "2024-11-27T14:05:00", true},
		{"5 de marzo de 2024", "2024-03-05", false},
		{"June 7, 2023 10:00 CST", "2023-06-07T10:00:00", true},
		{"Nov. 26, 2024 at 9:47 a.m. ET", "2024-11-26T09:47:00", true},
		{"Jan 12, 2024 / 03:00 PM", "2024-01-12T15:00:00", true},
		{"Mon 25 Nov 2024 10.55 GMT", "2024-11-25T10:55:00Z", false},
		{"2024-11-27T10:00:00.000Z", "2024-11-27T10:00:00Z", false},
		{"February 30, 2024", "", false},
		{"November 26", "", false},
		{"November 27, 2024 was a Wednesday", "", false},
		{"Abbasova November 27, 2024", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v, ok := parseDate(tt.in)
			if tt.want == "" {
				if ok {
					t.Fatalf("parseDate(%q) = %s, want no date", tt.in, v.ts)
				}
				return
			}
			if !ok {
				t.Fatalf("parseDate(%q) found no date, want %s", tt.in, tt.want)
			}
			if got := v.ts.String(); got != tt.want {
				t.Errorf("parseDate(%q) = %s, want %s", tt.in, got, tt.want)
			}
			if (v.doubt != "") != tt.doubt {
				t.Errorf("parseDate(%q) doubt = %q, want doubt %v", tt.in, v.doubt, tt.doubt)
			}
		})
	}
}

func TestParseStamp(t *testing.T) {
	tests := []struct {
		in, kind, value, relative string
	}{
		{"Last update: April 24, 2025 15:34", reasonUpdateStamp, "2025-04-24T15:34:00", ""},
		{"Updated 3 hours ago", reasonUpdateStamp, "", "3 hours ago"},
		{"Modified on 2 May 2024", reasonUpdateStamp, "2024-05-02", ""},
		{"Published: 4 July 2023 10:12 CEST", reasonPublished, "2023-07-04T10:12:00+02:00", ""},
		{"Publié le 4 mars 2024", reasonPublished, "2024-03-04", ""},
		{"Aktualisiert am 27.11.2024, 16:40 Uhr", reasonUpdateStamp, "2024-11-27T16:40:00", ""},
		{"November 27, 2024", reasonDate, "2024-11-27", ""},
		{"Updated figures show flows fell by a fifth.", "", "", ""},
		{"Published reports of a breakthrough were premature.", "", "", ""},
		{"Updated: 3 new cases", "", "", ""},
		{"2 hours ago", reasonDate, "", "2 hours ago"},
		{"Last modified on Mon 25 Nov 2024 11.02 GMT", reasonUpdateStamp, "2024-11-25T11:02:00Z", ""},
		{"Published On 25 Nov 2024", reasonPublished, "2024-11-25", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			st, ok := parseStamp(tt.in)
			if tt.kind == "" {
				if ok {
					t.Fatalf("parseStamp(%q) = %+v, want no stamp", tt.in, st)
				}
				return
			}
			if !ok || st.kind != tt.kind {
				t.Fatalf("parseStamp(%q) = %+v, %v; want kind %q", tt.in, st, ok, tt.kind)
			}
			if st.relative != tt.relative {
				t.Errorf("relative = %q, want %q", st.relative, tt.relative)
			}
			if tt.value != "" && (st.value == nil || st.value.ts.String() != tt.value) {
				t.Errorf("value = %+v, want %s", st.value, tt.value)
			}
		})
	}
}

func TestParseByline(t *testing.T) {
	tests := []struct {
		in, names, date string
	}{
		{"By Vusala Abbasova November 27, 2024", "Vusala Abbasova", "2024-11-27"},
		{"By Jane Whitfield, Omar Haddad and Li Wei", "Jane Whitfield, Omar Haddad and Li Wei", ""},
		{"BY JANE DOE", "JANE DOE", ""},
		{"By Ana Ruiz | March 4, 2024 9:15 am EST", "Ana Ruiz", "2024-03-04T09:15:00-05:00"},
		{"By Sven de Vries and Anouk Jansen", "Sven de Vries and Anouk Jansen", ""},
		{"By J. R. Hartley, staff writer", "J. R. Hartley, staff writer", ""},
		{"Author: Fiona Grant", "Fiona Grant", ""},
		{"Written by Daniel Okafor", "Daniel Okafor", ""},
		{"Von Max Mustermann", "Max Mustermann", ""},
		{"By Jane Doe, CNN Updated 10:00 AM EST, Wed November 27, 2024", "Jane Doe, CNN", "2024-11-27T10:00:00-05:00"},
		{"By Monday, the delegations had agreed.", "", ""},
		{"By the end we had a system that worked", "", ""},
		{"By November the talks had stalled", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			b, ok := parseByline(tt.in)
			if tt.names == "" {
				if ok {
					t.Fatalf("parseByline(%q) = %+v, want none", tt.in, b)
				}
				return
			}
			if !ok || b.names != tt.names {
				t.Fatalf("parseByline(%q) = %q, %v; want %q", tt.in, b.names, ok, tt.names)
			}
			switch {
			case tt.date == "" && b.stamp != nil:
				t.Errorf("unexpected date %+v", b.stamp.value)
			case tt.date != "" && (b.stamp == nil || b.stamp.value == nil || b.stamp.value.ts.String() != tt.date):
				t.Errorf("date = %+v, want %s", b.stamp, tt.date)
			}
		})
	}
}

func TestBoilerplateReason(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Newsroom logo", reasonLogo},
		{"Site logo", reasonLogo},
		{"None", reasonStray},
		{"undefined", reasonStray},
		{"Advertisement", reasonPrompt},
		{"Share this article", reasonPrompt},
		{"Share on WhatsApp and Telegram", reasonShare},
		{"Follow us on Instagram", reasonShare},
		{"Sign up for our daily newsletter to get the news first", reasonNewsletter},
		{"We use cookies to give you the best experience on our website.", reasonCookie},
		{"Photo: Reuters", reasonCredit},
		{"(Getty Images)", reasonCredit},
		{"Image credit: Jane Roe", reasonCredit},
		{"(AP Photo/Evan Vucci)", reasonCredit},
		{"Tags: Russia, Afghanistan", reasonTags},
		{"© 2024 Caspian Daily. All rights reserved.", reasonCopyright},
		{"Read more: How the canal uses water", reasonRelated},
		{"Related articles", reasonRelated},
		{"5 min read", reasonReadTime},
		{"Home | World | Asia | Sport", reasonNavigation},
		{"(Reporting by Lena Fischer; Editing by Mark Porter)", reasonTrailer},
		{"This article was originally published on The Conversation.", reasonRepost},
		{"Click here to share on social media", reasonShare},
		{"Follow Bay News on Google News", reasonShare},
		{"Print this article", reasonShare},
		{"Tags", reasonRelated},
		{"https://example.com/news/2024/11/25/story.html", reasonLink},
		{"Discover more from Bay News", reasonRelated},
		{"Thanks for reading Field Notes! Subscribe for free to receive new posts.", reasonNewsletter},
		{"The company unveiled a new logo on Monday.", ""},
		{"Tajikistan, sharing a 1,357-kilometer (843-mile) border with Afghanistan, is at risk.", ""},
		{"Shoigu said the photos showed nothing new.", ""},
		{"Subscribers to the service rose by a third last year.", ""},
		{"Cookies and cakes were served to the delegations.", ""},
		{"Russia’s Shoigu Visits Kabul", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := boilerplateReason(tt.in); got != tt.want {
				t.Errorf("boilerplateReason(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseStampByline(t *testing.T) {
	tests := []struct {
		in, names, date string
		ok              bool
	}{
		{"Posted on March 12, 2024 by Hannah Lowe", "Hannah Lowe", "2024-03-12", true},
		{"Last Updated on November 27, 2024 by admin", "", "2024-11-27", true},
		{"November 27, 2024 by a vote of five to four, the court ruled.", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			b, ok := parseStampByline(tt.in)
			if ok != tt.ok {
				t.Fatalf("parseStampByline(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			}
			if !ok {
				return
			}
			if b.names != tt.names || b.stamp == nil || b.stamp.value.ts.String() != tt.date {
				t.Errorf("parseStampByline(%q) = %q %+v, want %q %s", tt.in, b.names, b.stamp, tt.names, tt.date)
			}
		})
	}
}

func TestCopyrightOutlet(t *testing.T) {
	tests := map[string]string{
		"© 2024 Caspian Daily. All rights reserved.":                                                    "Caspian Daily",
		"Copyright © 2019-2024 Harbour Media Ltd":                                                       "Harbour Media Ltd",
		"Copyright 2024 The Associated Press. All Rights Reserved. This material may not be published.": "The Associated Press",
		"(c) 2023 rhone weekly":                                                                         "",
		"© 2024 All rights reserved.":                                                                   "",
	}
	for in, want := range tests {
		if got := copyrightOutlet(in); got != want {
			t.Errorf("copyrightOutlet(%q) = %q, want %q", in, got, want)
		}
	}
}
