package tokenize

// The word lists below are written for Dyad from the conventions of the UD
// English Web Treebank; they are not copied from it.

// abbreviations end with a period that belongs to the word ("Mr.", "Inc.").
// They are matched case-sensitively on the letters before the period.
// Single capital letters (initials) and dotted acronyms ("U.S.", "e.g.")
// are recognised by shape and need no entry.
var abbreviations = setOf(
	// titles and ranks
	"Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev", "Hon", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs",
	"Pres", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig",
	"Insp", "Supt", "Det", "Fr", "Sr", "Jr", "Sra", "Mme", "Mlle", "Amb", "Atty", "Lieut",
	// organisations and places
	"Inc", "Corp", "Co", "Ltd", "Bros", "Dept", "Univ", "Assn", "Assoc", "Int'l", "Natl",
	"St", "Ste", "Ave", "Blvd", "Rd", "Mt", "Ft", "Pt", "Hwy", "Sq", "Ln",
	// months and days
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
	// US states as written in news datelines
	"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
	"Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
	"Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Ont", "Que",
	// others
	"etc", "vs", "viz", "cf", "approx", "ca", "esp", "incl", "ext", "tel", "Tel", "fig", "Fig",
	"No", "Nos", "no", "vol", "Vol", "pp", "ed", "eds", "Ed", "est", "Est", "min", "max",
	"al", "Ph", "Attn", "attn", "arrv", "Arrv", "lv", "ps", "oz", "lb", "lbs",
	"INC", "CORP", "LTD", "PVT", "Pvt", "Sts", "Drs", "PS", "ect",
)

// titles are abbreviations that always precede a name, so their period
// never ends a sentence.
var titles = setOf(
	"Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev", "Hon", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs",
	"Pres", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig",
	"Insp", "Supt", "Det", "Fr", "Sra", "Mme", "Mlle", "Amb", "Atty", "Lieut", "St", "Mt", "Ft", "No", "Nos",
	"vs", "cf", "Vol", "vol", "pp", "Fig", "fig",
)

// numberAbbreviations take their period only before a number ("No. 1");
// elsewhere the period is a full stop ("He said no.").
var numberAbbreviations = setOf("No", "Nos", "no", "vol", "Vol", "pp", "Fig", "fig")

// hyphenPrefixes stay joined to the word after their hyphen ("e-mail",
// "anti-American", "mid-July"), as in EWT; other hyphenated compounds are
// split into word, hyphen, word.
var hyphenPrefixes = setOf(
	"e", "non", "pre", "post", "anti", "pro", "mid", "co", "re", "multi", "neo", "counter", "semi",
	"ex", "vice", "socio", "psycho", "over", "sub", "cross", "arch", "inter", "intra", "trans",
	"ultra", "mega", "micro", "macro", "pseudo", "bi", "tri", "uni", "infra",
	"extra", "hyper", "hypo", "mis", "un", "de", "dis", "geo", "euro", "afro", "indo", "sino",
	"russo", "franco", "anglo", "judeo",
)

// nameParticles join the name after their hyphen when it is capitalised:
// "al-Qaeda", "el-Sisi", "bin-Laden". EWT splits these; Dyad keeps them
// whole because actor dictionaries name them so.
var nameParticles = setOf("al", "Al", "AL", "el", "El", "ul", "Ul", "ad", "ash", "as", "at", "az", "ar", "an", "bin", "ibn", "abu", "Abu", "Bin", "Ibn")

// contraction is a word written without its apostrophe that EWT splits into
// syntactic words; cuts are the byte lengths of each word but the last.
type contraction struct{ cuts []int }

var contractions = map[string]contraction{
	"dont": {[]int{2}}, "didnt": {[]int{3}}, "doesnt": {[]int{4}}, "isnt": {[]int{2}},
	"wasnt": {[]int{3}}, "arent": {[]int{3}}, "werent": {[]int{4}}, "couldnt": {[]int{5}},
	"wouldnt": {[]int{5}}, "shouldnt": {[]int{6}}, "havent": {[]int{4}}, "hasnt": {[]int{3}},
	"hadnt": {[]int{3}}, "cant": {[]int{2}}, "wont": {[]int{2}}, "aint": {[]int{2}},
	"cannot": {[]int{3}}, "im": {[]int{1}}, "ive": {[]int{1}}, "youre": {[]int{3}},
	"theyre": {[]int{4}}, "thats": {[]int{4}}, "whats": {[]int{4}}, "theres": {[]int{5}},
	"heres": {[]int{4}}, "gonna": {[]int{3}}, "wanna": {[]int{3}}, "gotta": {[]int{3}},
	"outta": {[]int{3}}, "dunno": {[]int{2, 3}}, "itll": {[]int{2}}, "youll": {[]int{3}},
}

// itIsFollowers are the words after which "its" is "it's" ("its a shame",
// "its not"), as EWT writes it.
var itIsFollowers = setOf(
	"a", "an", "the", "not", "so", "been", "just", "really", "very", "too", "only", "going", "gonna",
	"all", "about", "also", "still", "always", "never", "there", "here", "what", "that", "because",
	"in", "on", "at", "for", "to", "my", "your", "his", "her", "our", "their", "no", "ok", "okay",
	"pretty", "quite", "worth", "true", "like", "getting", "hard", "easy",
)

// clitics are split off the end of a word as the last word of a multiword
// token; the apostrophe may be any of the apostrophe characters.
var clitics = []string{"n't", "'s", "'m", "'re", "'ve", "'ll", "'d"}

// units split off a number written against them: "5kg", "11AM", "170m".
var units = setOf(
	"k", "K", "m", "M", "b", "B", "bn", "mn", "mln", "kg", "g", "mg", "km", "cm", "mm", "ft", "lb",
	"lbs", "oz", "am", "pm", "AM", "PM", "hr", "hrs", "min", "mins", "sec", "secs", "mph", "kph",
	"MB", "GB", "KB", "TB", "mb", "gb", "kb", "MW", "MWh", "kW", "kWh", "x", "yr", "yrs", "GHz", "MHz", "p",
)

// sentenceStarters are capitalised words that, after an abbreviation such as
// "U.S." or "Inc.", show that a new sentence has begun.
var sentenceStarters = setOf(
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
	"But", "And", "Or", "So", "Yet", "In", "On", "At", "As", "If", "When", "While", "After", "Before",
	"There", "Here", "His", "Her", "Its", "Their", "Our", "My", "Your", "Some", "Many", "Most",
	"No", "Not", "What", "Who", "Why", "How", "Where", "Which", "Since", "Although", "Though",
	"Meanwhile", "However", "Also", "Then", "Now", "Today", "Yesterday", "Last", "Earlier",
	"Later", "One", "Two", "Three", "Both", "All", "Each", "Such", "Officials", "Police",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
