#!/usr/bin/env bash
# scripts/run.sh - README's run command:   bash scripts/run.sh [--seed-demo] [console arguments…]
#
#   Publishes the console (scripts/publish.sh: Release, self-contained, ReadyToRun code) and runs it on http://localhost:5000 with
#   the data folder Helpdesk.Blazor/data, unless Helpdesk__DataFolder or --Helpdesk:DataFolder names another.
#   Arguments go to the console.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/publish.sh
export Helpdesk__DataFolder="${Helpdesk__DataFolder:-$PWD/Helpdesk.Blazor/data}"
# The published folder is the content root: appsettings.json and wwwroot (MudBlazor's files included) are there.
cd Helpdesk.Blazor/bin/run
exec ./Helpdesk.Blazor "$@"
