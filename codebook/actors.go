package codebook

// Kind groups the CAMEO actor type codes.
type Kind int

// The kinds of actor type code.
const (
	// Role is a part of a state or of its armed opposition: GOV, MIL, REB…
	Role Kind = iota + 1
	// Sector is a part of society: business, media, education…
	Sector
	// Organisation is a kind of organisation above or outside states: IGO,
	// NGO, MNC…
	Organisation
	// Named is a code reserved for one body, such as UNO for the United
	// Nations or AMN for Amnesty International.
	Named
	// Religion is a religion or denomination.
	Religion
)

// String returns the kind in words.
func (k Kind) String() string {
	switch k {
	case Role:
		return "role"
	case Sector:
		return "sector"
	case Organisation:
		return "organisation"
	case Named:
		return "named body"
	case Religion:
		return "religion"
	}
	return "unknown"
}

// ActorCode is a three-letter CAMEO actor type code. In a full actor code it
// follows a country or organisation code: IRQ+GOV is Iraq's government,
// IGO+UNO the United Nations.
type ActorCode struct {
	Code  string
	Kind  Kind
	Label string
	// Alias is set on codes some dictionaries use for another code's meaning:
	// the Phoenix dictionaries write MUS where CAMEO writes MOS.
	Alias string
}

// ActorType returns the entry for a three-letter actor type code such as
// "MIL".
func ActorType(code string) (ActorCode, bool) {
	i, ok := actorIndex[code]
	if !ok {
		return ActorCode{}, false
	}
	return actorTypes[i], true
}

// ActorTypes returns every actor type code, grouped by kind. The slice is a
// copy.
func ActorTypes() []ActorCode {
	return append([]ActorCode(nil), actorTypes...)
}

var actorTypes = []ActorCode{
	{"COP", Role, "Police", ""},
	{"GOV", Role, "Government and its officials", ""},
	{"INS", Role, "Insurgents", ""},
	{"JUD", Role, "Courts and judges", ""},
	{"MIL", Role, "Armed forces", ""},
	{"OPP", Role, "Political opposition", ""},
	{"REB", Role, "Rebels and armed militants", ""},
	{"SEP", Role, "Separatist rebels", ""},
	{"SPY", Role, "State intelligence services", ""},
	{"UAF", Role, "Armed groups aligned with no side", ""},

	{"AGR", Sector, "Farming, fishing and herding", ""},
	{"BUS", Sector, "Business and commerce", ""},
	{"CRM", Sector, "Criminals and criminal groups", ""},
	{"CVL", Sector, "Civilians and the general public", ""},
	{"DEV", Sector, "Economic development", ""},
	{"EDU", Sector, "Education: students, teachers, universities", ""},
	{"ELI", Sector, "Elites and prominent individuals", ""},
	{"ENV", Sector, "Environmental groups", ""},
	{"HLH", Sector, "Health care", ""},
	{"HRI", Sector, "Human-rights groups", ""},
	{"LAB", Sector, "Labour and trade unions", ""},
	{"LEG", Sector, "Legislatures and lawmakers", ""},
	{"MED", Sector, "Media and journalists", ""},
	{"REF", Sector, "Refugees and displaced people", ""},
	{"MOD", Sector, "Moderates", ""},
	{"RAD", Sector, "Radicals and extremists", ""},
	{"PTY", Sector, "Political parties and politicians", ""},
	{"PPL", Sector, "People in general", ""},
	{"SET", Sector, "Settlers", ""},

	{"IGO", Organisation, "Intergovernmental organisation", ""},
	{"IMG", Organisation, "International armed group", ""},
	{"INT", Organisation, "International or transnational actor, otherwise unspecified", ""},
	{"MNC", Organisation, "Multinational company", ""},
	{"NGM", Organisation, "Non-governmental movement", ""},
	{"NGO", Organisation, "Non-governmental organisation", ""},

	{"AMN", Named, "Amnesty International", ""},
	{"IRC", Named, "Red Cross and Red Crescent", ""},
	{"GRP", Named, "Greenpeace", ""},
	{"UNO", Named, "United Nations", ""},
	{"PKO", Named, "Peacekeeping forces", ""},
	{"UIS", Named, "State actor that cannot be identified", ""},

	{"ADR", Religion, "African diaspora religions", ""},
	{"ALE", Religion, "Alawite or Alevi", ""},
	{"ATH", Religion, "Agnostic or atheist", ""},
	{"BAH", Religion, "Baha'i", ""},
	{"BUD", Religion, "Buddhist", ""},
	{"CHR", Religion, "Christian", ""},
	{"CON", Religion, "Confucian", ""},
	{"CPT", Religion, "Coptic", ""},
	{"CTH", Religion, "Catholic", ""},
	{"DOX", Religion, "Orthodox Christian", ""},
	{"DRZ", Religion, "Druze", ""},
	{"HIN", Religion, "Hindu", ""},
	{"HSD", Religion, "Hasidic", ""},
	{"ITR", Religion, "Indigenous or tribal religion", ""},
	{"JAN", Religion, "Jain", ""},
	{"JEW", Religion, "Jewish", ""},
	{"JHW", Religion, "Jehovah's Witness", ""},
	{"LDS", Religion, "Latter-day Saint", ""},
	{"MOS", Religion, "Muslim", ""},
	{"MRN", Religion, "Maronite", ""},
	{"NRM", Religion, "New religious movement", ""},
	{"PAG", Religion, "Pagan", ""},
	{"PRO", Religion, "Protestant", ""},
	{"SFI", Religion, "Sufi", ""},
	{"SHI", Religion, "Shia", ""},
	{"SHN", Religion, "Shinto", ""},
	{"SIK", Religion, "Sikh", ""},
	{"SUN", Religion, "Sunni", ""},
	{"TAO", Religion, "Taoist", ""},
	{"UDX", Religion, "Ultra-Orthodox Jewish", ""},
	{"ZRO", Religion, "Zoroastrian", ""},
	{"MUS", Religion, "Muslim", "MOS"},
	{"REL", Religion, "Religious, denomination unspecified", ""},
}

var actorIndex = func() map[string]int {
	m := make(map[string]int, len(actorTypes))
	for i, a := range actorTypes {
		m[a.Code] = i
	}
	return m
}()
