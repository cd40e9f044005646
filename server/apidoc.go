package server

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// openAPIDoc is the part of the OpenAPI document that Markdown renders.
type openAPIDoc struct {
	Info struct {
		Title, Version, Description string
	}
	Paths map[string]map[string]struct {
		Summary     string
		Description string
		Parameters  []struct {
			Name, In, Description string
			Required              bool
			Schema                map[string]any
		}
		Responses map[string]struct{ Description string }
	}
}

// Markdown renders the OpenAPI document for people: docs/API.md.
func Markdown() (string, error) {
	var d openAPIDoc
	if err := json.Unmarshal(openAPI, &d); err != nil {
		return "", fmt.Errorf("server: openapi.json: %w", err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s %s\n\n", d.Info.Title, d.Info.Version)
	b.WriteString("<!-- Rendered from server/openapi.json by `go test ./server -run TestAPIDoc -update`; edit that file, not this one. -->\n\n")
	fmt.Fprintf(&b, "%s\n\nThe machine-readable contract is served at `/api/openapi.json`.\n", d.Info.Description)
	paths := make([]string, 0, len(d.Paths))
	for p := range d.Paths {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		methods := make([]string, 0, len(d.Paths[p]))
		for m := range d.Paths[p] {
			methods = append(methods, m)
		}
		slices.Sort(methods)
		for _, m := range methods {
			op := d.Paths[p][m]
			fmt.Fprintf(&b, "\n## `%s %s`\n\n%s.\n", strings.ToUpper(m), p, op.Summary)
			if op.Description != "" {
				fmt.Fprintf(&b, "\n%s\n", op.Description)
			}
			if len(op.Parameters) > 0 {
				b.WriteString("\n| parameter | in | type | meaning |\n|---|---|---|---|\n")
				for _, pa := range op.Parameters {
					req := ""
					if pa.Required {
						req = ", required"
					}
					fmt.Fprintf(&b, "| `%s` | %s%s | %s | %s |\n", pa.Name, pa.In, req, schemaType(pa.Schema), strings.ReplaceAll(pa.Description, "|", `\|`))
				}
			}
			codes := make([]string, 0, len(op.Responses))
			for c := range op.Responses {
				codes = append(codes, c)
			}
			slices.Sort(codes)
			b.WriteString("\nResponses:")
			for _, c := range codes {
				fmt.Fprintf(&b, " %s %s;", c, strings.ToLower(op.Responses[c].Description))
			}
			b.WriteString("\n")
		}
	}
	return b.String(), nil
}

// schemaType describes a parameter's schema in a few words.
func schemaType(s map[string]any) string {
	t, _ := s["type"].(string)
	var extra []string
	if e, ok := s["enum"].([]any); ok {
		var vals []string
		for _, v := range e {
			vals = append(vals, fmt.Sprint(v))
		}
		extra = append(extra, "one of "+strings.Join(vals, ", "))
	}
	if lo, ok := s["minimum"]; ok {
		extra = append(extra, fmt.Sprintf("%v to %v", lo, s["maximum"]))
	}
	if d, ok := s["default"]; ok {
		extra = append(extra, fmt.Sprintf("default %v", d))
	}
	if f, ok := s["format"].(string); ok {
		t += " (" + f + ")"
	}
	if len(extra) > 0 {
		t += ": " + strings.Join(extra, "; ")
	}
	return t
}
