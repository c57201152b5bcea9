#!/usr/bin/env bash
# scripts/compiled-model.sh - regenerates the compiled EF model (Helpdesk.Core/Persistence/CompiledModel), which the
# console loads instead of building the model at each start. Run it after every model change (with the migration);
# CompiledModelTests fails while the committed model differs from what the code builds.
# The model is SQLite's (type mappings are provider-specific): DatabaseProviderSelection passes it to UseSqlite with
# UseModel, so the generated assembly attribute, which would hand it to every provider, is deleted.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf Helpdesk.Core/Persistence/CompiledModel
dotnet tool restore >/dev/null
dotnet ef dbcontext optimize --project Helpdesk.Core --startup-project Helpdesk.Blazor \
    --output-dir Persistence/CompiledModel --namespace Helpdesk.Core.Persistence.CompiledModel
rm -f Helpdesk.Core/Persistence/CompiledModel/HelpdeskDbContextAssemblyAttributes.cs
