using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TrialAccess.Cli.Patients;
using TrialAccess.Cli.Terminal;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Geography;
using TrialAccess.Matching;
using TrialAccess.Matching.Filters;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Cli.Commands;

/// <summary><c>match --patient &lt;file|-&gt;</c>: the trials a patient could join, ranked and explained.</summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var patient = new Option<string>("--patient") { Description = "The patient: a note, structured JSON or a FHIR bundle (detected); - reads standard input", Required = true };
        var top = new Option<int>("--top") { Description = "How many trials to show", DefaultValueFactory = _ => 10 };
        var near = new Option<string?>("--near") { Description = "Where the patient is: lat,lon or a place (\"Boston, MA\"); distances are to the nearest recruiting site" };
        var radius = new Option<double?>("--radius-km") { Description = "With --near: leave out trials whose nearest recruiting site is farther" };
        var includeIneligible = new Option<bool>("--include-ineligible") { Description = "Also list trials the patient fails, with the failing criteria" };
        var notYet = new Option<bool>("--include-not-yet-recruiting") { Description = "Also keep trials that are not yet recruiting" };
        var anyStatus = new Option<bool>("--any-status") { Description = "Do not filter on recruitment status (for research on closed trials)" };
        var ranker = RankerModels.RankerOption("full: the hand-written order (relevance, a presumed failure weighing it down); learned: the learned model's order (see --model); Ineligible trials come last either way");
        var model = EvalCommand.ModelOption();
        var format = CommonOptions.Format();
        var command = new Command("match", "Find and rank the trials a patient could join, with each criterion's outcome and what is still unknown")
        {
            patient, top, near, radius, includeIneligible, notYet, anyStatus, ranker, model, format,
        };
        foreach (var option in SemanticSession.Options())
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var source = parseResult.GetValue(patient)!;
            string text;
            if (source == "-")
            {
                text = await Console.In.ReadToEndAsync(cancellationToken);
            }
            else if (File.Exists(source))
            {
                var (read, readError) = await Patients.PatientInput.ReadFileAsync(source, cancellationToken);
                if (read is null)
                {
                    await Console.Error.WriteLineAsync($"error: --patient: {readError}");
                    return ExitCodes.BadInput;
                }

                text = read;
            }
            else
            {
                await Console.Error.WriteLineAsync($"error: --patient: no such file: {source}");
                return ExitCodes.BadInput;
            }

            var intake = PatientInput.Intake.Read(text);
            if (intake.Profile is null)
            {
                foreach (var error in intake.Errors)
                {
                    await Console.Error.WriteLineAsync($"error: --patient: {error}");
                }

                return ExitCodes.BadInput;
            }

            var topValue = parseResult.GetValue(top);
            if (topValue is < 1 or > 1000)
            {
                await Console.Error.WriteLineAsync("error: --top must be between 1 and 1000");
                return ExitCodes.BadInput;
            }

            var radiusValue = parseResult.GetValue(radius);
            if (radiusValue is <= 0)
            {
                await Console.Error.WriteLineAsync("error: --radius-km must be positive");
                return ExitCodes.BadInput;
            }

            var (store, location) = await StoreSession.OpenAsync(parseResult, cancellationToken);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }

            await using (store)
            {
                await Console.Error.WriteLineAsync($"database: {location.Describe()}");
                var catalog = await TrialCatalog.BuildAsync(store.ReadAllAsync(cancellationToken), cancellationToken);
                GeoPoint? point = intake.Profile.Location?.Coordinates;
                if (parseResult.GetValue(near) is { } place)
                {
                    var resolved = PlaceResolver.Default.WithSites(Enumerable.Range(0, catalog.Count).SelectMany(d => catalog.Slim(d).Sites)).Resolve(place);
                    if (!resolved.IsResolved)
                    {
                        await Console.Error.WriteLineAsync($"error: --near: {resolved.Error}");
                        return ExitCodes.BadInput;
                    }

                    point = resolved.Point;
                }
                else if (radiusValue is not null && point is null)
                {
                    await Console.Error.WriteLineAsync("error: --radius-km needs --near (or a patient location)");
                    return ExitCodes.BadInput;
                }

                var (modelLoaded, relevanceModel) = await RankerModels.SelectAsync(parseResult.GetValue(ranker), parseResult.GetValue(model));
                if (!modelLoaded)
                {
                    return ExitCodes.BadInput;
                }

                using var semantic = await SemanticSession.OpenAsync(parseResult, store, catalog, cancellationToken);
                var matcher = new TrialMatcher(semantic.Catalog, store.FindManyAsync, TimeProvider.System, model: relevanceModel, embedder: semantic.Embedder, semantic: semantic.Settings);
                var anyStatusValue = parseResult.GetValue(anyStatus);
                var request = new MatchRequest
                {
                    Patient = intake.Profile,
                    Note = intake.Kind == PatientInputKind.Note ? text : null,
                    Top = topValue,
                    IncludeIneligible = parseResult.GetValue(includeIneligible),
                    Filters = new MatchFilters
                    {
                        RecruitingOnly = !anyStatusValue,
                        IncludeNotYetRecruiting = parseResult.GetValue(notYet),
                        Near = point,
                        RadiusKm = radiusValue,
                    },
                };
                var result = await matcher.MatchAsync(request, cancellationToken);
                if (parseResult.GetValue(format) == OutputFormat.Json)
                {
                    CliJson.Write(MatchReport.From(result, intake.Warnings.Select(w => w.ToString())));
                }
                else
                {
                    MatchView.Write(result);
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }
}
