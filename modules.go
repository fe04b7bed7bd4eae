package berean

// ModulesResult lists the installed modules: `berean modules list --json` and
// GET /api/modules.
type ModulesResult struct {
	Modules []Module `json:"modules"`
	Roots   []string `json:"roots"`
	// Refused lists the confs that could not be used, with the reason.
	Refused []RefusedModule `json:"refused,omitempty"`
}

// RefusedModule is a conf that could not be used.
type RefusedModule struct {
	Name   string `json:"name"` // the module it names (or the file's name)
	Conf   string `json:"conf"`
	Reason string `json:"reason"`
	// UsedInstead is the conf of the module of the same name used in its
	// place, from a later library root.
	UsedInstead string `json:"used_instead,omitempty"`
}

// Module is one installed module.
type Module struct {
	Name          string `json:"name"`
	Abbreviation  string `json:"abbreviation"`
	Type          string `json:"type"`
	Versification string `json:"versification,omitempty"`
	Description   string `json:"description"`
	Language      string `json:"language"`
	Version       string `json:"version,omitempty"`
	Driver        string `json:"driver"`
	Path          string `json:"path"`
	Conf          string `json:"conf"`
	Locked        bool   `json:"locked,omitempty"`
}

// Modules lists every installed module.
func (e *Engine) Modules() *ModulesResult {
	res := &ModulesResult{Modules: []Module{}, Roots: e.roots}
	for _, mi := range e.corpus.Library().Modules() {
		m := Module{
			Name: mi.Name, Abbreviation: mi.Abbreviation, Type: mi.Type, Description: mi.Description,
			Language: mi.Lang, Version: mi.Version, Driver: mi.Driver, Path: mi.DataPath, Conf: mi.ConfPath, Locked: mi.Locked,
		}
		if mi.Type == "bible" || mi.Type == "commentary" {
			m.Versification = mi.Versification
		}
		res.Modules = append(res.Modules, m)
	}
	for _, r := range e.corpus.Library().Refused {
		res.Refused = append(res.Refused, RefusedModule{Name: r.Name, Conf: r.Path, Reason: r.Err.Error(), UsedInstead: r.UsedInstead})
	}
	return res
}
