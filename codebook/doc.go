// Package codebook is Dyad's table of the CAMEO event and actor codes.
//
// It holds the 311 CAMEO event codes (20 two-digit roots, 147 three-digit
// and 144 four-digit codes), each with its Goldstein conflict–cooperation
// weight, its QuadClass and its mapping to the PLOVER ontology, and the
// three-letter CAMEO actor type codes (roles such as GOV or REB, sectors such
// as MED or BUS, organisation kinds such as IGO or NGO, and religions).
//
// The codes, weights and mappings are facts of the CAMEO and PLOVER
// standards; the labels are Dyad's own short descriptions. A test checks the
// table against the CAMEO code list, the GDELT Goldstein table and the 2021
// CAMEO-to-PLOVER conversion table.
//
// # QuadClass
//
// QuadClass follows GDELT's convention: roots 01–05 are verbal cooperation,
// 06–09 material cooperation, 10–14 verbal conflict and 15–20 material
// conflict.
//
// # PLOVER
//
// A three- or four-digit code carries the PLOVER category, mode and context
// given for it by the conversion table. That table has no rows for roots 01
// and 02 (statements and appeals), so those codes have a zero PLOVER value. A
// two-digit root carries the mapping of its "otherwise unspecified" code
// (19 takes the mapping of 190).
package codebook
