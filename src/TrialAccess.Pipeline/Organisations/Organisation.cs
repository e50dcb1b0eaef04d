namespace TrialAccess.Pipeline.Organisations;

/// <summary>What kind of body an organisation is; used in the portfolio and for conflict checks.</summary>
public enum OrganisationKind
{
    University,
    Biotech,
    Pharma,
    Charity,
    Hospital,
    /// <summary>The centre that runs the pipeline.</summary>
    Centre,
}

/// <summary>An organisation that originates, nominates, sponsors or co-funds agents, or employs a reviewer.</summary>
/// <param name="Ror">The Research Organization Registry id when known (for example <c>https://ror.org/052gg0110</c>).</param>
public sealed record Organisation(Guid Id, string Name, OrganisationKind Kind, string? Ror = null);
