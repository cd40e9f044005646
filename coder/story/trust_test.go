package story_test

import (
	"slices"
	"sync"
	"testing"
	"time"

	"dyad/article"
	"dyad/coder"
	"dyad/coder/story"
	"dyad/dict/builtin"
	"dyad/nlp/english"
)

// trustCase is a short article written for the project (not copied from
// any news source) that exercises one of the error kinds of issue 12, and
// the events an analyst would code from it: "SOURCE TARGET ROOT MODALITY",
// with the two-digit CAMEO root. Every case is coded with
// coder.Options.KeepModal, so that events the text does not assert are
// checked too; an event not listed must not be coded.
type trustCase struct {
	kind, name string
	text       string // title, blank line, paragraphs separated by blank lines
	want       []string
}

var trustCases = []trustCase{
	// Modality (issue 12, kind 4).
	{"modality", "future", "Talks\n\nArnor's neighbour Germany will sanction Russia next week.",
		[]string{"DEU RUS 16 future"}},
	{"modality", "refused", "Talks\n\nThe Taliban have long refused to negotiate with Pakistan.",
		[]string{"AFGGOV PAK 12 asserted"}},
	{"modality", "wished", "Talks\n\nTurkey hoped the exchange would lead to a meeting between Iran and Israel.",
		[]string{"IRN ISR 04 wished", "ISR IRN 04 wished"}},
	{"modality", "denied", "Talks\n\nIsrael denied that its jets had bombed Lebanon.",
		[]string{"ISRMIL LBN 19 denied"}},
	{"modality", "negated", "Talks\n\nChina did not attack Vietnam.",
		[]string{"CHN VNM 19 negated"}},
	{"modality", "conditional", "Talks\n\nIf Iran attacks Israel, the region will burn.",
		[]string{"IRN ISR 19 conditional"}},
	{"modality", "hypothetical", "Talks\n\nNorth Korea could attack South Korea within days.",
		[]string{"PRK KOR 19 hypothetical"}},
	{"modality", "purpose", "Talks\n\nChinese troops crossed the river to attack India.",
		[]string{"CHNMIL IND 19 purpose"}},
	{"modality", "asserted", "Talks\n\nSyria attacked Turkey on Monday.",
		[]string{"SYR TUR 19 asserted"}},

	// Statements: a target other than the speaker, not what is talked
	// about, not a medium (kind 2).
	{"statement", "topic", "Talks\n\nThe Iranian foreign minister said Washington had concluded that the strikes were lawful.",
		nil},
	{"statement", "medium", "Talks\n\nThe Iranian foreign minister told a newspaper that Iran would not retreat.",
		nil},
	{"statement", "addressee", "Talks\n\nThe Egyptian president told Israel that the crossing would stay closed.",
		[]string{"EGYGOV ISR 01 asserted"}},
	{"statement", "report stands", "Talks\n\nIran said Syria had met Iraq.",
		[]string{"SYR IRQ 04 asserted"}},
	{"statement", "accusation", "Talks\n\nRussia said Ukraine attacked its troops.",
		[]string{"RUS UKR 11 asserted"}},

	// Attributions are not actors (kind 6).
	{"attribution", "according to", "Talks\n\nTwelve demonstrators were killed, according to the United Nations.",
		nil},
	{"attribution", "according to, with the attackers", "Talks\n\nSyrian troops attacked Turkey, according to Amnesty International.",
		[]string{"SYRMIL TUR 19 asserted"}},
}

var (
	trustOnce  sync.Once
	trustCoder *story.Coder
	trustErr   error
)

// newTrustCoder returns a story coder with the default dictionaries, the
// shipped NLP pipeline and coder.Options.KeepModal.
func newTrustCoder(t *testing.T) *story.Coder {
	trustOnce.Do(func() {
		p, err := english.Registry().Pipeline(english.DefaultSpec())
		if err != nil {
			trustErr = err
			return
		}
		d, err := builtin.Dictionary()
		if err != nil {
			trustErr = err
			return
		}
		c, err := coder.New(d, coder.Options{KeepModal: true})
		if err != nil {
			trustErr = err
			return
		}
		trustCoder = story.New(c, p, story.Options{})
	})
	if trustErr != nil {
		t.Fatal(trustErr)
	}
	return trustCoder
}

// TestTrust codes the trustCases and checks their events exactly.
func TestTrust(t *testing.T) {
	sc := newTrustCoder(t)
	published := time.Date(2024, 11, 20, 0, 0, 0, 0, time.UTC)
	for _, tc := range trustCases {
		t.Run(tc.kind+"/"+tc.name, func(t *testing.T) {
			a, err := article.FromText([]byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			a.Published = published
			st, err := sc.Code(a)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range st.Records() {
				got = append(got, r.Source.Code+" "+r.Target.Code+" "+r.RootCode+" "+r.Modality)
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tc.want))
			if !slices.Equal(got, want) {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, want)
			}
		})
	}
}
