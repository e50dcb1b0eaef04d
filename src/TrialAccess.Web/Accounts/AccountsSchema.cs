using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrialAccess.Storage;
using TrialAccess.Storage.Accounts;
using TrialAccess.Web.Modules;

namespace TrialAccess.Web.Accounts;

/// <summary>A set of role names one module uses (see <see cref="AccountsSetup.AddAccountRoles"/>).</summary>
public sealed record RoleSet(IReadOnlyList<string> Names);

/// <summary>Migrates the accounts tables and creates the registered roles that are missing.</summary>
internal sealed class AccountsSchema(IEnumerable<RoleSet> roleSets) : IModuleSchema
{
    public async Task MigrateAsync(StoreLocation location, IServiceProvider services, CancellationToken cancellationToken)
    {
        await using (var context = AccountsDbContext.Create(location))
        {
            await context.Database.MigrateAsync(cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in roleSets.SelectMany(set => set.Names).Distinct(StringComparer.Ordinal))
        {
            if (!await roles.RoleExistsAsync(name))
            {
                var created = await roles.CreateAsync(new IdentityRole(name));
                if (!created.Succeeded && !await roles.RoleExistsAsync(name))
                {
                    throw new InvalidOperationException($"Could not create role {name}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
