package article

import "testing"

func TestDetectLanguage(t *testing.T) {
	for _, tt := range []struct {
		name, text, want string
	}{
		// whatlanggo alone says "it": short news dense with names.
		{"short English news", "Russia threatened India in dispute number 247\n\nRussia praised India on Monday, officials said in report 247.\n\nEgypt criticised India over the border.\n\nIndia later criticised Egypt.", "en"},
		{"English", "The government announced on Monday that it would raise taxes on fuel, and the opposition said the plan was unfair to drivers.", "en"},
		{"German", "Die Bundesregierung hat am Montag eine umfassende Reform des Gesundheitssystems angekündigt. Der Minister sagte, die Änderungen würden die Versorgung verbessern.", "de"},
		{"Italian", "Il governo ha annunciato lunedì una riforma del sistema sanitario. Il ministro ha detto che i cambiamenti miglioreranno le cure e ridurranno i costi.", "it"},
		{"Dutch", "De regering heeft maandag een grote hervorming van de gezondheidszorg aangekondigd. De minister zei dat de zorg beter en goedkoper wordt.", "nl"},
		{"too short", "Troops attacked.", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectLanguage(tt.text); got != tt.want {
				t.Errorf("detectLanguage = %q, want %q (English share %.2f)", got, tt.want, englishShare(tt.text))
			}
		})
	}
}
