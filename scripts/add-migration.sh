#!/usr/bin/env bash
# scripts/add-migration.sh <Name> - adds the EF migration <Name> for both providers and regenerates the compiled model:
#   SQLite      Helpdesk.Core/Persistence/Migrations          (namespace Helpdesk.Core.Persistence.Migrations)
#   PostgreSQL  Helpdesk.Core/Persistence/PostgresMigrations  (namespace Helpdesk.Core.Persistence.PostgresMigrations)
# Each context sees only its provider's namespace (ProviderMigrationsAssembly). Adding a migration needs no running
# database; the PostgreSQL connection string below is only there because the provider wants one.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <Name>}
folders=(Persistence/Migrations Persistence/PostgresMigrations)
snapshot=HelpdeskDbContextModelSnapshot.cs

# dotnet ef writes the snapshot over any file of that name in the project, whatever --output-dir says: while one
# provider's migration is added, the other's snapshot file is moved aside (the build, done once first, has both).
restore() { for f in "${folders[@]}"; do [ -e "Helpdesk.Core/$f/$snapshot.aside" ] && mv "Helpdesk.Core/$f/$snapshot.aside" "Helpdesk.Core/$f/$snapshot"; done; return 0; }
trap restore EXIT
add() { # <provider> <folder> <other folder> [env...]
    local provider=$1 folder=$2 other=$3; shift 3
    [ -e "Helpdesk.Core/$other/$snapshot" ] && mv "Helpdesk.Core/$other/$snapshot" "Helpdesk.Core/$other/$snapshot.aside"
    env Database__Provider="$provider" "$@" dotnet ef migrations add "$name" --no-build \
        --project Helpdesk.Core --startup-project Helpdesk.Blazor --output-dir "$folder" --namespace "Helpdesk.Core.${folder//\//.}"
    # A first migration's snapshot lands in a folder named after the whole namespace; it belongs beside the migration.
    if [ -e "Helpdesk.Core/Helpdesk/Core/$folder/$snapshot" ]; then
        mv "Helpdesk.Core/Helpdesk/Core/$folder/$snapshot" "Helpdesk.Core/$folder/$snapshot" && rm -rf Helpdesk.Core/Helpdesk
    fi
    restore
}

dotnet tool restore >/dev/null
dotnet build Helpdesk.Blazor -c Debug -warnaserror -v q
add Sqlite Persistence/Migrations Persistence/PostgresMigrations
add PostgreSQL Persistence/PostgresMigrations Persistence/Migrations ConnectionStrings__Helpdesk="Host=127.0.0.1;Database=helpdesk_design_time"
bash scripts/compiled-model.sh
