using System.Globalization;
using TrialAccess.Recruitment.Metrics;

namespace TrialAccess.Web.Pages.Recruitment;

/// <summary>How the recruitment pages word and colour their figures.</summary>
public static class RecruitmentView
{
    public static string Percent(double? share) => share is { } value ? value.ToString("0%", CultureInfo.InvariantCulture) : "–";

    public static string Signed(double? value) => value is { } v ? v.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) : "–";

    public static string Number(double? value, string format = "0.0") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    public static string Date(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "–";

    /// <summary>"green", "amber", "red" or "not-assessed": the CSS class of a band.</summary>
    public static string Css(Rag rag) => rag == Rag.NotAssessed ? "not-assessed" : rag.ToString().ToLowerInvariant();

    public static string Label(Rag rag) => rag == Rag.NotAssessed ? "not assessed" : rag.ToString();

    public static string Projection(Projection projection) => projection.Kind switch
    {
        ProjectionKind.Reached => $"Target reached on {Date(projection.Median)}.",
        ProjectionKind.Projected => $"Projected to reach the target on {Date(projection.Median)} (95% interval {Date(projection.Lower)} to {Date(projection.Upper)}; {Percent(projection.ProbabilityByTargetEnd)} chance by the target end date).",
        _ => $"No projection: {projection.Reason}.",
    };
}
