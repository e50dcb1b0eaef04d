using System.Globalization;
using System.Text;
using System.CommandLine;
using Spectre.Console;
using TrialAccess.Cli.Patients;
using TrialAccess.Cli.Terminal;
using TrialAccess.Patients;

namespace TrialAccess.Cli.Commands;

/// <summary><c>patient extract</c>: read a note, structured JSON or a FHIR bundle into the patient model.</summary>
internal static class PatientCommand
{
    public static Command Create() => new("patient", "Read patient data (note, structured JSON or FHIR bundle)") { Extract() };

    private static Command Extract()
    {
        var input = new Argument<string>("file") { Description = "The file to read, or - for standard input; its kind (note, JSON, FHIR bundle) is detected" };
        var format = CommonOptions.Format();
        var command = new Command("extract", "Print the patient model read from the input, with the source span of every fact") { input, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(input)!;
            var (text, error) = await ReadInputAsync(path, cancellationToken);
            if (text is null)
            {
                await Console.Error.WriteLineAsync($"error: {error}");
                return ExitCodes.BadInput;
            }

            var result = PatientInput.Intake.Read(text);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                CliJson.Write(new
                {
                    Kind = result.Kind.ToString(),
                    InputLength = text.Length,
                    Profile = result.Profile is { } read ? read with { SourceText = null } : null,
                    Warnings = result.Warnings.Select(w => new { w.Field, w.Message }),
                    Errors = result.Errors.Select(e => new { e.Field, e.Message }),
                });
            }
            else if (result.Profile is { } profile)
            {
                PatientView.Write(profile, result.Kind, result.Warnings);
            }

            if (!result.IsSuccess)
            {
                foreach (var e in result.Errors)
                {
                    await Console.Error.WriteLineAsync($"error: {e}");
                }

                return ExitCodes.BadInput;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads a file, or standard input for "-"; the error says why not.</summary>
    internal static async Task<(string? Text, string? Error)> ReadInputAsync(string path, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            using var reader = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            return (await reader.ReadToEndAsync(cancellationToken), null);
        }

        if (!File.Exists(path))
        {
            return (null, $"'{path}' does not exist");
        }

        var length = new FileInfo(path).Length;
        if (length > PatientIntake.MaxInputLength * 2L)
        {
            return (null, $"'{path}' is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes; the most accepted is {(PatientIntake.MaxInputLength * 2L).ToString("N0", CultureInfo.InvariantCulture)}");
        }

        try
        {
            return (await File.ReadAllTextAsync(path, cancellationToken), null);
        }
        catch (IOException e)
        {
            return (null, $"cannot read '{path}': {e.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            return (null, $"cannot read '{path}': permission denied");
        }
    }
}
