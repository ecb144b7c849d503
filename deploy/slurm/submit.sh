#!/bin/bash
# Submits the sweep's job array, then the merge to run when every array task has succeeded.
# Run from the repository root; export PIMSIM_SHARED to choose the shared folder.
set -euo pipefail
jobid=$(sbatch --parsable deploy/slurm/sweep.sbatch)
jobid=${jobid%%;*}    # --parsable prints "id" or "id;cluster"
sbatch --dependency=afterok:"$jobid" deploy/slurm/merge.sbatch
echo "submitted sweep array $jobid and its merge"
