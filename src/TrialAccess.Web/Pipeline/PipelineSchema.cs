using Microsoft.EntityFrameworkCore;
using TrialAccess.Storage;
using TrialAccess.Storage.Pipeline;
using TrialAccess.Web.Modules;

namespace TrialAccess.Web.Pipeline;

/// <summary>Brings the pipeline tables up to the latest migration when the host starts.</summary>
internal sealed class PipelineSchema(TimeProvider clock) : IModuleSchema
{
    public async Task MigrateAsync(StoreLocation location, IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var context = PipelineDbContext.Create(location, clock);
        await context.Database.MigrateAsync(cancellationToken);
    }
}
