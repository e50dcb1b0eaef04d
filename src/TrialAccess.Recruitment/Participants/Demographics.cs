namespace TrialAccess.Recruitment.Participants;

/// <summary>
/// A participant's age at recruitment as a band, never a date of birth: <c>0-17</c>, <c>18-39</c>, <c>40-49</c>,
/// <c>50-59</c>, <c>60-69</c>, <c>70-79</c>, <c>80+</c>. Bands are wide enough that age does not single anyone out.
/// </summary>
public sealed record AgeBand
{
    private AgeBand(string label, int from, int? to) => (Label, From, To) = (label, from, to);

    public string Label { get; }

    /// <summary>Youngest age in the band, in whole years (inclusive).</summary>
    public int From { get; }

    /// <summary>Oldest age in the band (inclusive); null for the open top band.</summary>
    public int? To { get; }

    public static IReadOnlyList<AgeBand> All { get; } =
    [
        new("0-17", 0, 17), new("18-39", 18, 39), new("40-49", 40, 49), new("50-59", 50, 59),
        new("60-69", 60, 69), new("70-79", 70, 79), new("80+", 80, null),
    ];

    public static AgeBand ForAge(int years) =>
        years < 0 ? throw new ArgumentOutOfRangeException(nameof(years)) : All.Last(b => b.From <= years);

    /// <summary>Reads a band label or a whole age in years (turned into its band); null when neither.</summary>
    public static AgeBand? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var band = All.FirstOrDefault(b => b.Label == text);
        if (band is not null)
        {
            return band;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var years) && years <= 130
            ? ForAge(years)
            : null;
    }

    public override string ToString() => Label;
}

/// <summary>Sex as recorded for accrual reporting (NCI CTRP "gender"): the categories a trials office reports.</summary>
public enum ParticipantSex
{
    Unknown,
    Female,
    Male,
}
