package tomlfile

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"

	"simulate/internal/suggest"
)

// Number returns a decoded TOML value as a float64 when it is a number
// (integer or float).
func Number(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// Finite reports whether v is neither NaN nor infinite.
func Finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// TypeName describes the type of a decoded TOML value for a message: "a
// string", "an integer", "a table", ….
func TypeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	}
	return fmt.Sprintf("a %T", v)
}

// Fields reads the table into the struct that dst points to: each field
// whose toml tag names a key of table is set to the key's value, as the
// decoder gave it, and each other field to nil. Keys match tags exactly
// (case-sensitively). It returns the keys of table that no field takes,
// sorted.
//
// Every field of the struct must be of type any and have a toml tag: the
// struct declares the keys of a fixed-shape table, and the reader checks
// each value's type itself, so that it reports every problem at once in its
// own words. Fields panics if dst is not a pointer to such a struct.
func Fields(table map[string]any, dst any) (unknown []string) {
	v := reflect.ValueOf(dst).Elem()
	tags := structKeys(v.Type())
	for i, tag := range tags.byField {
		val, ok := table[tag]
		if !ok {
			v.Field(i).SetZero()
			continue
		}
		v.Field(i).Set(reflect.ValueOf(&val).Elem())
	}
	for k := range table {
		if _, ok := tags.fields[k]; !ok {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	return unknown
}

// Keys returns the keys of the fixed-shape table that dst (a pointer to a
// struct, as for [Fields]) declares, sorted.
func Keys(dst any) []string {
	return append([]string(nil), structKeys(reflect.TypeOf(dst).Elem()).sorted...)
}

type tagSet struct {
	byField []string       // the tag of each field
	fields  map[string]int // tag → field index
	sorted  []string
}

func structKeys(t reflect.Type) tagSet {
	if t.Kind() != reflect.Struct {
		panic("tomlfile: Fields of " + t.String() + ", not a struct")
	}
	s := tagSet{fields: map[string]int{}}
	anyType := reflect.TypeFor[any]()
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if f.Type != anyType || tag == "" {
			panic("tomlfile: field " + t.String() + "." + f.Name + " must be of type any with a toml tag")
		}
		s.byField = append(s.byField, tag)
		s.fields[tag] = i
		s.sorted = append(s.sorted, tag)
	}
	sort.Strings(s.sorted)
	return s
}

// UnknownKey returns the message for a key not allowed in the table at
// prefix ("" for the top level): `unknown key "k" in [prefix]` with a
// suggestion among the allowed keys.
func UnknownKey(k, prefix string, allowed []string) string {
	where := "at the top level"
	if prefix != "" {
		where = "in [" + prefix + "]"
	}
	return fmt.Sprintf("unknown key %q %s%s", k, where, Suggest(k, allowed))
}

// Suggest returns a hint for an unknown key name among the allowed ones,
// to append to a message: "; keys are case-sensitive: write …" for a key
// that differs only in case, "; did you mean …?" for a near one (package
// suggest), else "; allowed here: …".
func Suggest(name string, allowed []string) string {
	s, ok := suggest.Nearest(name, allowed)
	switch {
	case ok && strings.EqualFold(s, name):
		return "; keys are case-sensitive: write " + s
	case ok:
		return "; did you mean " + s + "?"
	}
	return "; allowed here: " + strings.Join(allowed, ", ")
}
