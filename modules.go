package berean

// ModulesResult lists the installed modules: `berean modules list --json` and
// GET /api/modules.
type ModulesResult struct {
	Modules []Module `json:"modules"`
	Roots   []string `json:"roots"`
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
	return res
}
