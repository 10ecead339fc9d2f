package output

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"simulate/internal/input"
)

// ManifestName is the file, in every folder a stamped batch writes to,
// that records what wrote each file of the folder.
const ManifestName = "manifest.json"

// Stamp says what writes a batch: the command line, the program's version
// and the time. [Batch.SetStamp] makes Commit record it for each file.
type Stamp struct {
	Command string    // the command line, e.g. "simulate run mine.toml"
	Version string    // the program's version, e.g. from the build info
	Time    time.Time // when the run wrote its files
}

// Manifest is the content of manifest.json: for each file of the folder
// (by base name), what wrote it.
type Manifest struct {
	About string                   `json:"about"`
	Files map[string]ManifestEntry `json:"files"`
}

// ManifestEntry is what wrote one file.
type ManifestEntry struct {
	Command string `json:"command"`
	// Inputs are the SHA-256 of the resolved inputs of each scenario the
	// file was computed from, by scenario name (summary.json's
	// inputs_sha256); absent for files computed from no scenario.
	Inputs  map[string]string `json:"inputs_sha256,omitempty"`
	Version string            `json:"version"`
	Time    string            `json:"time"` // RFC 3339, UTC
}

const manifestAbout = "What wrote each file of this folder: the command line, the SHA-256 of the resolved inputs of each scenario it was computed from (as inputs_sha256 in summary.json), the version of simulate and the time (UTC). A file the last command did not write keeps the entry of the command that did; compare the times to tell a stale file from a fresh one."

// SetStamp makes Commit write, into every folder that receives files of
// the batch, a manifest.json that records s for each of them, keeping
// the entries of the folder's other files that still exist.
func (b *Batch) SetStamp(s Stamp) { b.stamp = &s }

// AddInputs records that the files of the batch under dir (a
// slash-separated folder relative to the root; "" for every file) were
// computed from the scenario called name, whose resolved inputs have the
// SHA-256 hash (hex).
func (b *Batch) AddInputs(dir, name, hash string) {
	b.inputs = append(b.inputs, inputRecord{dir: filepath.Clean(filepath.FromSlash(dir)), name: name, hash: hash})
}

type inputRecord struct{ dir, name, hash string }

// manifests returns the manifest.json of every folder of the batch, by
// path relative to the root, merged with the manifest each folder holds.
func (b *Batch) manifests() (map[string][]byte, error) {
	byDir := map[string][]string{}
	for rel := range b.files {
		if filepath.Base(rel) == ManifestName {
			continue
		}
		d := filepath.Dir(rel)
		byDir[d] = append(byDir[d], rel)
	}
	out := map[string][]byte{}
	for d, rels := range byDir {
		m := readManifest(filepath.Join(b.root, d, ManifestName))
		for name := range m.Files {
			rel := filepath.Join(d, name)
			if _, ok := b.files[rel]; ok {
				continue
			}
			if _, err := os.Lstat(filepath.Join(b.root, rel)); err != nil {
				delete(m.Files, name) // the file is gone
			}
		}
		for _, rel := range rels {
			m.Files[filepath.Base(rel)] = b.entry(rel)
		}
		data, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			return nil, err
		}
		out[filepath.Join(d, ManifestName)] = append(data, '\n')
	}
	return out, nil
}

// entry returns the manifest entry of the batch's file rel.
func (b *Batch) entry(rel string) ManifestEntry {
	e := ManifestEntry{Command: b.stamp.Command, Version: b.stamp.Version, Time: b.stamp.Time.UTC().Format(time.RFC3339)}
	for _, r := range b.inputs {
		if r.dir == "." || strings.HasPrefix(rel, r.dir+string(filepath.Separator)) {
			if e.Inputs == nil {
				e.Inputs = map[string]string{}
			}
			e.Inputs[r.name] = r.hash
		}
	}
	return e
}

// readManifest reads the manifest at p to update it: an empty one when
// there is none or it cannot be read (it is then replaced), without
// entries whose names are not files of the folder.
func readManifest(p string) *Manifest {
	m := &Manifest{About: manifestAbout, Files: map[string]ManifestEntry{}}
	old, err := readManifestFile(p)
	if err != nil {
		return m
	}
	for k, v := range old.Files {
		if filepath.IsLocal(k) && !strings.ContainsAny(k, `/\`) {
			m.Files[k] = v
		}
	}
	return m
}

// ReadManifest reads the manifest.json of folder dir.
func ReadManifest(dir string) (*Manifest, error) {
	return readManifestFile(filepath.Join(dir, ManifestName))
}

// readManifestFile reads and decodes the manifest at p: a regular file of
// at most the size input.Manifest allows (far above thousands of entries;
// a larger or unreadable one is replaced by readManifest).
func readManifestFile(p string) (*Manifest, error) {
	data, err := input.Read(p, input.Manifest)
	if err != nil {
		return nil, fmt.Errorf("output: %s: %w", p, err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("output: %s: %w", p, err)
	}
	return &m, nil
}
