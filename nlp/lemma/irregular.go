package lemma

import "strings"

// The exception lists below are written for Dyad. They cover irregular
// forms the training data may not hold; forms the data holds are lemmatised
// as the data says.

// irregularVerbs lists base, past and past participle, with variants
// separated by "/".
const irregularVerbs = `
arise arose arisen
awake awoke awoken
be was/were been
bear bore borne/born
beat beat beaten
become became become
begin began begun
bend bent bent
bet bet bet
bid bid bid
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
broadcast broadcast broadcast
build built built
burn burnt burnt
burst burst burst
buy bought bought
cast cast cast
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
do did done
draw drew drawn
dream dreamt dreamt
drink drank drunk
drive drove driven
eat ate eaten
fall fell fallen
feed fed fed
feel felt felt
fight fought fought
find found found
flee fled fled
fling flung flung
fly flew flown
forbid forbade forbidden
forecast forecast forecast
foresee foresaw foreseen
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got got/gotten
give gave given
go went gone
grind ground ground
grow grew grown
hang hung hung
have had had
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
keep kept kept
kneel knelt knelt
know knew known
lay laid laid
lead led led
lean leant leant
leap leapt leapt
learn learnt learnt
leave left left
lend lent lent
let let let
lie lay lain
light lit lit
lose lost lost
make made made
mean meant meant
meet met met
mislead misled misled
mistake mistook mistaken
overcome overcame overcome
overrun overran overrun
oversee oversaw overseen
overtake overtook overtaken
overthrow overthrew overthrown
pay paid paid
prove proved proven
put put put
quit quit quit
read read read
rebuild rebuilt rebuilt
rid rid rid
ride rode ridden
ring rang rung
rise rose risen
run ran run
saw sawed sawn
say said said
see saw seen
seek sought sought
sell sold sold
send sent sent
set set set
sew sewed sewn
shake shook shaken
shed shed shed
shine shone shone
shoot shot shot
show showed shown
shrink shrank shrunk
shut shut shut
sing sang sung
sink sank sunk
sit sat sat
slay slew slain
sleep slept slept
slide slid slid
sling slung slung
slit slit slit
smite smote smitten
speak spoke spoken
speed sped sped
spend spent spent
spill spilt spilt
spin spun spun
spit spat spat
split split split
spoil spoilt spoilt
spread spread spread
spring sprang sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank stunk
stride strode stridden
strike struck struck/stricken
string strung strung
strive strove striven
swear swore sworn
sweep swept swept
swell swelled swollen
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
thrust thrust thrust
tread trod trodden
undergo underwent undergone
understand understood understood
undertake undertook undertaken
undo undid undone
uphold upheld upheld
upset upset upset
wake woke woken
wear wore worn
weave wove woven
weep wept wept
win won won
wind wound wound
withdraw withdrew withdrawn
withhold withheld withheld
withstand withstood withstood
wring wrung wrung
write wrote written
`

// irregularNouns lists plural and singular.
const irregularNouns = `
men man
women woman
children child
feet foot
teeth tooth
geese goose
mice mouse
oxen ox
lives life
wives wife
knives knife
wolves wolf
halves half
leaves leaf
thieves thief
shelves shelf
loaves loaf
calves calf
selves self
analyses analysis
crises crisis
theses thesis
hypotheses hypothesis
diagnoses diagnosis
oases oasis
phenomena phenomenon
criteria criterion
bacteria bacterium
cacti cactus
fungi fungus
nuclei nucleus
radii radius
stimuli stimulus
alumni alumnus
syllabi syllabus
indices index
appendices appendix
matrices matrix
vertices vertex
memoranda memorandum
curricula curriculum
strata stratum
`

// comparatives lists comparative and superlative forms whose lemma is
// another word, by tag.
var comparatives = map[key]string{
	{"better", "JJR"}: "good", {"best", "JJS"}: "good",
	{"better", "RBR"}: "well", {"best", "RBS"}: "well",
	{"worse", "JJR"}: "bad", {"worst", "JJS"}: "bad",
	{"worse", "RBR"}: "badly", {"worst", "RBS"}: "badly",
	{"further", "JJR"}: "far", {"furthest", "JJS"}: "far",
	{"farther", "JJR"}: "far", {"farthest", "JJS"}: "far",
	{"further", "RBR"}: "far", {"furthest", "RBS"}: "far",
	{"farther", "RBR"}: "far", {"farthest", "RBS"}: "far",
}

var pastForms, pluralForms = tables()

func tables() (past, plural map[string]string) {
	past = make(map[string]string)
	for _, line := range strings.Split(irregularVerbs, "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		for _, forms := range f[1:] {
			for _, form := range strings.Split(forms, "/") {
				if form != f[0] {
					past[form] = f[0]
				}
			}
		}
	}
	plural = make(map[string]string)
	for _, line := range strings.Split(irregularNouns, "\n") {
		if f := strings.Fields(line); len(f) == 2 {
			plural[f[0]] = f[1]
		}
	}
	return past, plural
}

// irregular returns the lemma of a lower-cased form from the exception
// lists, if they hold it for the tag.
func irregular(lower, tag string) (string, bool) {
	var s string
	switch tag {
	case "CD":
		// Numbers lose their thousands separators: "1,400" → "1400".
		if isGroupedNumber(lower) {
			return strings.ReplaceAll(lower, ",", ""), true
		}
	case "VBD", "VBN":
		s = pastForms[lower]
	case "NNS":
		s = pluralForms[lower]
	case "JJR", "JJS", "RBR", "RBS":
		s = comparatives[key{lower, tag}]
	}
	return s, s != ""
}

// isGroupedNumber reports whether w is digits in groups of three separated
// by commas, with an optional decimal part: "1,400", "12,000.50".
func isGroupedNumber(w string) bool {
	intPart, _, _ := strings.Cut(w, ".")
	groups := strings.Split(intPart, ",")
	if len(groups) < 2 {
		return false
	}
	for i, g := range groups {
		if g == "" || len(g) > 3 || i > 0 && len(g) != 3 || strings.Trim(g, "0123456789") != "" {
			return false
		}
	}
	return true
}
