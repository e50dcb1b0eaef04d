using TrialAccess.Ingestion;

namespace TrialAccess.Registry.Sources;

/// <summary>
/// Carries a field-level error out of a record mapper's nested helpers; <see cref="Guard"/> turns it into a failed
/// <see cref="TrialReadResult"/> naming source and field, so it never escapes the mapper.
/// </summary>
internal sealed class FieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;

    /// <summary>Runs a mapping, a field error becoming the record's failure.</summary>
    public static TrialReadResult Guard(string source, Func<TrialReadResult> map)
    {
        try
        {
            return map();
        }
        catch (FieldException e)
        {
            return TrialReadResult.Failure(source, e.Field, e.Message);
        }
    }
}
