package html

import (
	"strings"
	"testing"
)

func TestTrimBoilerplate(t *testing.T) {
	body := strings.Repeat("A long paragraph of the article itself, with enough words to matter. ", 3)
	tests := []struct {
		name, in, want string
	}{
		{"ad label dropped", body + "\n\nAdvertisement\n\n" + body, body + "\n\n" + body},
		{"related block cut", body + "\n\n" + body + "\n\nRelated Articles\n\nOther story\n\nAnother story", body + "\n\n" + body},
		{"german marker cut", body + "\n\nDas könnte Sie auch interessieren:\n\nTeaser", body},
		{"copyright dropped", body + "\n\n© 2020 Example Media. All Rights Reserved", body},
		{"copyright in prose kept", body + "\n\n" + body + " The court said copyright law applied.", body + "\n\n" + body + " The court said copyright law applied."},
		{"early marker kept", "Read more\n\n" + body, "Read more\n\n" + body},
		{"photo credit dropped", body + "\n\nTitelbild: Geyres Christophe/ABACA/picture-alliance", body},
		{"french credit dropped", body + "\n\nCrédits photos : Bestimage\n\n" + body, body + "\n\n" + body},
		{"parenthesised credit dropped", body + "\n\n(Credit: Clayton Aldern / Grist)\n\n" + body, body + "\n\n" + body},
		{"inline teaser dropped", body + "\n\nCzytaj też: Wyścig zbrojeń ruszył z kopyta\n\n" + body, body + "\n\n" + body},
		{"label without colon kept", body + "\n\nFotos aus dem Archiv zeigen den alten Hafen.", body + "\n\nFotos aus dem Archiv zeigen den alten Hafen."},
		{"long line with label kept", body + "\n\nBild: " + body, body + "\n\nBild: " + body},
		{"recommended heading cut", body + "\n\n" + body + "\n\nEmpfohlene Beiträge\n\nTeaser", body + "\n\n" + body},
		{"widget label dropped", "Inhaltsverzeichnis\n\n" + body + "\n\nZum Newsletter anmelden\n\n" + body, body + "\n\n" + body},
		{"widget label in prose kept", body + "\n\nThe table of contents lists nine chapters.", body + "\n\nThe table of contents lists nine chapters."},
		{"read-also teaser dropped", body + "\n\nLea también: Impiden ingreso a Nicaragua a un reportero\n\n" + body, body + "\n\n" + body},
		{"subscribe appeal dropped", body + "\n\nSubscribe now to our eNATION edition for the full story.", body},
		{"follow appeal dropped", body + "\n\nSíguenos en Telegram, Instagram y Twitter para recibir todas nuestras actualizaciones", body},
		{"paywall notice dropped", body + "\n\nIf you are seeing this message but you are already a subscriber, you can log in.", body},
		{"prose about newsletters kept", body + "\n\nThe firm said its newsletter reached a million readers.", body + "\n\nThe firm said its newsletter reached a million readers."},
		{"source line dropped", body + "\n\nQuelle: Deutscher Jagdverband (DJV)\n\n" + body, body + "\n\n" + body},
		{"contact block cut", body + "\n\n" + body + "\n\nWeitere Informationen:\n\nDr. Jane Doe, phone 123", body + "\n\n" + body},
		{"references heading cut", body + "\n\n" + body + "\n\nQuellenangaben:\n\nSmith 2019", body + "\n\n" + body},
		{"punctuation paragraph kept", body + "\n\n" + body + "\n\n…\n\n" + body, body + "\n\n" + body + "\n\n…\n\n" + body},
		{"social follow dropped", body + "\n\nFollow The Gleaner on Twitter and Instagram @Gleaner and on Facebook.", body},
		{"prose about a follow kept", body + "\n\nShe said millions follow the band on Instagram.", body + "\n\nShe said millions follow the band on Instagram."},
		{"comment login notice dropped", body + "\n\nUm den Tipp kommentieren zu können, müssen Sie eingeloggt sein.", body},
		{"instagram placeholder dropped", body + "\n\nSieh dir diesen Beitrag auf Instagram an\n\nA post shared by Jane Doe (@janedoe) on Jun 3, 2020 at 5:01pm PDT\n\n" + body, body + "\n\n" + body},
		{"no comments dropped", body + "\n\nKeine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)", body},
		{"last changed dropped", body + "\n\nLetzte Änderung 14.02.2019", body},
		{"embed placeholder dropped", body + "\n\nKlicken Sie auf den unteren Button, um den Inhalt von www.example.de zu laden.\n\n" + body, body + "\n\n" + body},
		{"affiliate disclosure dropped", "Anzeige, enthält Affiliate Links\n\n" + body, body},
		{"advertiser note dropped", "We recommend the best products through an independent review process, and advertisers do not influence our picks.\n\n" + body, body},
		{"comment policy dropped", body + "\n\nWe welcome reader comments on the top stories of the day.", body},
		{"date line dropped", "23.10.2018\n\n" + body, body},
		{"dated category line dropped", "24. März 2004, 19:49 | Genesis\n\n" + body, body},
		{"category label dropped", "Kategorie: News\n\n" + body, body},
		{"newsletter box title dropped", body + "\n\nPC Gamer Newsletter\n\nSign up to get the best content of the week.\n\n" + body, body + "\n\n" + body},
		{"sentence with a date kept", body + "\n\nOn 23.10.2018 the court ruled.", body + "\n\nOn 23.10.2018 the court ruled."},
		{"english furniture dropped", "Supported by\n\n" + body + "\n\nContinue reading the main story\n\n" + body + "\n\nPhotograph: Jane Doe/Getty Images", body + "\n\n" + body},
		{"share bar dropped", body + "\n\nShare Facebook Twitter Email\n\n" + body, body + "\n\n" + body},
		{"one share word kept", body + "\n\nPrint", body + "\n\nPrint"},
		{"continues below dropped", body + "\n\nStory continues below advertisement\n\n" + body, body + "\n\n" + body},
		{"related teaser dropped", body + "\n\nRelated: Ferry timetable changes for commuters\n\n" + body, body + "\n\n" + body},
		{"caption with credit dropped", body + "\n\nThe mayor opens the park (Foto: Stadt Nordhausen)\n\n" + body, body + "\n\n" + body},
		{"prose with a bracket kept", body + "\n\nThe mayor opened the park (the third this year).", body + "\n\nThe mayor opened the park (the third this year)."},
		{"caption with trailing credit dropped", body + "\n\nThe epidemiologist at a briefing. Photo: Jane Doe/AFP\n\n" + body, body + "\n\n" + body},
		{"newsletter promo and its dangling dot dropped", body + "\n\nExample will soon launch Valley News, a weekly newsletter on the towns. Sign up\n\n.", body},
		{"reading time dropped", "5 min read\n\n" + body, body},
		{"long paragraph kept", body + "\n\nRelated coverage of the summit continued " + body, body + "\n\nRelated coverage of the summit continued " + body},
	}
	for _, tt := range tests {
		if got := trimBoilerplate(tt.in); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
