namespace TrialAccess.Patients;

/// <summary>The kind of input <see cref="PatientIntake"/> recognised.</summary>
public enum PatientInputKind
{
    /// <summary>Free-text clinical prose.</summary>
    Note,

    /// <summary>A JSON object in the structured patient schema (docs/patient-json.md).</summary>
    StructuredJson,

    /// <summary>A FHIR R4 Bundle (JSON with <c>"resourceType": "Bundle"</c>).</summary>
    FhirBundle,
}

/// <summary>Something wrong with the input, named by where it is: a JSON path (<c>diagnoses[0].oncoTreeCode</c>) or a FHIR entry.</summary>
/// <param name="Field">The field at fault, or null when the input as a whole is unusable.</param>
/// <param name="Message">What was wrong, in words the sender can act on.</param>
public sealed record PatientIntakeIssue(string? Field, string Message)
{
    public override string ToString() => Field is null ? Message : $"{Field}: {Message}";
}

/// <summary>
/// The outcome of reading one patient: a profile (possibly with warnings, such as skipped FHIR resources) or the errors
/// that prevented one. Never both a profile and errors.
/// </summary>
public sealed record PatientIntakeResult
{
    private PatientIntakeResult(PatientInputKind kind, PatientProfile? profile, IReadOnlyList<PatientIntakeIssue> warnings, IReadOnlyList<PatientIntakeIssue> errors)
    {
        Kind = kind;
        Profile = profile;
        Warnings = warnings;
        Errors = errors;
    }

    public PatientInputKind Kind { get; }

    public PatientProfile? Profile { get; }

    /// <summary>Things read past without failing: unknown FHIR resource types, values that could not be used.</summary>
    public IReadOnlyList<PatientIntakeIssue> Warnings { get; }

    /// <summary>Why no profile could be produced; empty on success.</summary>
    public IReadOnlyList<PatientIntakeIssue> Errors { get; }

    public bool IsSuccess => Profile is not null;

    public static PatientIntakeResult Success(PatientInputKind kind, PatientProfile profile, IReadOnlyList<PatientIntakeIssue>? warnings = null) =>
        new(kind, profile ?? throw new ArgumentNullException(nameof(profile)), warnings ?? [], []);

    public static PatientIntakeResult Failure(PatientInputKind kind, IReadOnlyList<PatientIntakeIssue> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new(kind, null, [], errors);
    }

    public static PatientIntakeResult Failure(PatientInputKind kind, string message) => Failure(kind, [new PatientIntakeIssue(null, message)]);
}
