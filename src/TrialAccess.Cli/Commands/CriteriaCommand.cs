using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spectre.Console;
using TrialAccess.Cli.Patients;
using TrialAccess.Cli.Terminal;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Trials;
using TrialAccess.Vocabulary;

namespace TrialAccess.Cli.Commands;

/// <summary><c>criteria evaluate</c>, <c>criteria show</c> and <c>criteria stats</c>.</summary>
internal static partial class CriteriaCommand
{
    public static Command Create() => new("criteria", "Parse eligibility criteria into typed constraints and evaluate them against a patient") { Evaluate(), Show(), Parse(), Stats() };

    private static Command Parse()
    {
        var text = new Argument<string>("text") { Description = "Eligibility text to segment and parse (or - for standard input)" };
        var vocab = VocabularyOption();
        var command = new Command("parse", "Segment and parse eligibility text given on the command line; prints JSON") { text, vocab };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var parser = ParserFor(parseResult.GetValue(vocab), out var vocabError);
            if (vocabError is not null)
            {
                await Console.Error.WriteLineAsync($"error: {vocabError}");
                return ExitCodes.BadInput;
            }

            var input = parseResult.GetValue(text)!;
            if (input == "-")
            {
                input = await Console.In.ReadToEndAsync(cancellationToken);
            }

            var segments = CriteriaSegmenter.Segment(input);
            CliJson.Write(segments.Criteria.Select(s => ConstraintView.Criterion(parser.Parse(s))));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Where the vocabulary files are (OncoTree, HGNC, DrugBank, MeSH); the built-in vocabulary when absent.</summary>
    public static Option<string?> VocabularyOption() => new("--vocab")
    {
        Description = "Folder with oncotree/, hgnc/, drugbank/ and mesh/ files to enrich the built-in vocabulary (for example ../shared/data/vocab)",
    };

    public static CriterionParser ParserFor(string? folder, out string? error)
    {
        error = null;
        if (folder is null)
        {
            return CriterionParser.Default;
        }

        if (!Directory.Exists(folder))
        {
            error = $"--vocab '{folder}' is not a folder";
            return CriterionParser.Default;
        }

        var (vocabulary, results) = VocabularyFolder.Load(folder);
        var failed = results.FirstOrDefault(r => !r.IsSuccess);
        if (failed is not null)
        {
            error = $"cannot read {failed.Source}: {failed.Error}";
        }

        return new CriterionParser(vocabulary);
    }

    private static Command Evaluate()
    {
        var criterion = new Option<string?>("--criterion") { Description = "The criterion text" };
        var type = new Option<string>("--type") { Description = "inclusion or exclusion", DefaultValueFactory = _ => "inclusion" };
        var patient = new Option<string?>("--patient") { Description = "The patient: a JSON file, or - for standard input" };
        var batch = new Option<string?>("--batch") { Description = "A JSON Lines file (or -) of {\"id\", \"criterion\", \"type\", \"patient\"}; writes one {\"id\", \"outcome\", \"evidence\"} per line" };
        var today = new Option<string?>("--today") { Description = "The evaluation date (yyyy-MM-dd); default: today (UTC)" };
        var vocab = VocabularyOption();
        var format = CommonOptions.Format(OutputFormat.Json);
        var command = new Command("evaluate", "Evaluate one criterion against one patient (or a batch of them)") { criterion, type, patient, batch, today, vocab, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var parser = ParserFor(parseResult.GetValue(vocab), out var vocabError);
            if (vocabError is not null)
            {
                await Console.Error.WriteLineAsync($"error: {vocabError}");
                return ExitCodes.BadInput;
            }

            DateOnly date;
            if (parseResult.GetValue(today) is { } todayText)
            {
                if (!DateOnly.TryParseExact(todayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                {
                    await Console.Error.WriteLineAsync($"error: --today '{todayText}' is not a date (yyyy-MM-dd)");
                    return ExitCodes.BadInput;
                }
            }
            else
            {
                date = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            }

            var context = new EvaluationContext(date, parser.Vocabulary);
            if (parseResult.GetValue(batch) is { } batchPath)
            {
                return await RunBatchAsync(batchPath, parser, context, cancellationToken);
            }

            var text = parseResult.GetValue(criterion);
            if (string.IsNullOrWhiteSpace(text))
            {
                await Console.Error.WriteLineAsync("error: give --criterion <text> and --patient <file|->, or --batch <jsonl>");
                return ExitCodes.BadInput;
            }

            if (!TryRole(parseResult.GetValue(type), out var role))
            {
                await Console.Error.WriteLineAsync($"error: --type '{parseResult.GetValue(type)}' must be inclusion or exclusion");
                return ExitCodes.BadInput;
            }

            var patientPath = parseResult.GetValue(patient);
            if (patientPath is null)
            {
                await Console.Error.WriteLineAsync("error: give --patient <file|->");
                return ExitCodes.BadInput;
            }

            string patientText;
            try
            {
                var (read, readError) = patientPath == "-" ? (await Console.In.ReadToEndAsync(cancellationToken), null) : await PatientInput.ReadFileAsync(patientPath, cancellationToken);
                if (read is null)
                {
                    await Console.Error.WriteLineAsync($"error: --patient: {readError}");
                    return ExitCodes.BadInput;
                }

                patientText = read;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"error: cannot read --patient '{patientPath}': {e.Message}");
                return ExitCodes.BadInput;
            }

            var (profile, error) = PatientInput.Read(patientText);
            if (profile is null)
            {
                await Console.Error.WriteLineAsync($"error: --patient: {error}");
                return ExitCodes.BadInput;
            }

            var evaluation = EligibilityEvaluator.Evaluate(parser.Parse(text, role), profile, context);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                CliJson.Write(new
                {
                    Criterion = text,
                    Type = role == CriterionRole.Inclusion ? "inclusion" : "exclusion",
                    Outcome = OutcomeNames.Of(evaluation.Outcome),
                    Basis = OutcomeNames.Of(evaluation.Basis),
                    evaluation.Evidence,
                    evaluation.Questions,
                    FailsTrial = evaluation.Fails,
                    Constraints = evaluation.Constraints.Select(c => new
                    {
                        Type = ConstraintView.TypeName(c.Constraint),
                        Reading = c.Constraint.Describe(),
                        Text = c.Constraint.Span.Length > 0 && c.Constraint.Span.End <= text.Trim().Length ? c.Constraint.Span.Slice(text.Trim()) : null,
                        c.Constraint.Negated,
                        Outcome = OutcomeNames.Of(c.Check.Outcome),
                        Basis = OutcomeNames.Of(c.Check.Basis),
                        c.Check.Evidence,
                        c.Check.Question,
                    }),
                });
            }
            else
            {
                AnsiConsole.MarkupLine($"[bold]{OutcomeNames.Of(evaluation.Outcome)}[/] ({OutcomeNames.Of(evaluation.Basis)}){(evaluation.Evidence is null ? string.Empty : " - " + TerminalText.Markup(evaluation.Evidence))}");
                foreach (var question in evaluation.Questions)
                {
                    AnsiConsole.MarkupLine($"  ask: {TerminalText.Markup(question)}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> RunBatchAsync(string path, CriterionParser parser, EvaluationContext context, CancellationToken cancellationToken)
    {
        TextReader reader;
        try
        {
            reader = path == "-" ? Console.In : new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: cannot read --batch '{path}': {e.Message}");
            return ExitCodes.BadInput;
        }

        var failures = 0;
        var lineNumber = 0;
        var output = Console.Out;
        var compact = new JsonSerializerOptions(CliJson.Options) { WriteIndented = false };
        using (reader)
        {
            for (var line = await reader.ReadLineAsync(cancellationToken); line is not null; line = await reader.ReadLineAsync(cancellationToken))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                JsonElement? id = null;
                try
                {
                    // The batch line is held to the JSON decoding rule: a fault is this line's error, not a crash.
                    var (parsed, invalid) = Decoding.StrictJson.Parse(line);
                    if (invalid is not null)
                    {
                        throw new FormatException(invalid.ToString());
                    }

                    using var document = parsed!;
                    var root = document.RootElement;
                    id = root.TryGetProperty("id", out var idElement) ? idElement.Clone() : null;
                    var criterionText = root.TryGetProperty("criterion", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                    var typeText = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "inclusion";
                    if (string.IsNullOrWhiteSpace(criterionText) || !TryRole(typeText, out var role) || !root.TryGetProperty("patient", out var patientElement))
                    {
                        throw new FormatException("needs \"criterion\", \"type\" (inclusion or exclusion) and \"patient\"");
                    }

                    var (profile, error) = PatientInput.Read(patientElement);
                    if (profile is null)
                    {
                        throw new FormatException($"patient: {error}");
                    }

                    var evaluation = EligibilityEvaluator.Evaluate(parser.Parse(criterionText, role), profile, context);
                    await output.WriteLineAsync(JsonSerializer.Serialize(new { Id = id, Outcome = OutcomeNames.Of(evaluation.Outcome), Basis = OutcomeNames.Of(evaluation.Basis), evaluation.Evidence, evaluation.Questions }, compact));
                }
                catch (Exception e) when (e is JsonException or FormatException)
                {
                    failures++;
                    await output.WriteLineAsync(JsonSerializer.Serialize(new { Id = id, Outcome = "error", Error = $"line {lineNumber}: {e.Message}" }, compact));
                }
            }
        }

        return failures == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
    }

    private static Command Show()
    {
        var id = new Argument<string>("nct-id") { Description = "The trial's NCT id, for example NCT04280705" };
        var vocab = VocabularyOption();
        var format = CommonOptions.Format();
        var command = new Command("show", "Show how a stored trial's criteria parse, criterion by criterion") { id, vocab, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var parser = ParserFor(parseResult.GetValue(vocab), out var vocabError);
            if (vocabError is not null)
            {
                await Console.Error.WriteLineAsync($"error: {vocabError}");
                return ExitCodes.BadInput;
            }

            var trial = await StoreSession.FindTrialAsync(parseResult, parseResult.GetValue(id), cancellationToken);
            if (trial is null)
            {
                return ExitCodes.BadInput;
            }

            var parsed = TrialCriteriaParser.Parse(trial, parser);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                CliJson.Write(new
                {
                    trial.NctId,
                    Title = trial.BriefTitle,
                    Criteria = parsed.Criteria.Select(ConstraintView.Criterion),
                    Registry = parsed.RegistryConstraints.Select(c => new { Type = ConstraintView.TypeName(c), Reading = c.Describe() }),
                    Typed = parsed.TypedCount,
                    Total = parsed.Criteria.Count,
                });
            }
            else
            {
                AnsiConsole.MarkupLine($"[bold]{trial.NctId}[/] {TerminalText.Markup(trial.BriefTitle)}");
                var table = new Table().AddColumns("#", "Criterion", "Constraints");
                foreach (var criterion in parsed.Criteria)
                {
                    var segment = criterion.Segment;
                    var label = segment.Text.Length > 90 ? segment.Text[..90] + "..." : segment.Text;
                    var constraints = criterion.IsFreeText ? "[grey]free text[/]" : string.Join("\n", criterion.Constraints.Select(c => TerminalText.Markup((c.Negated ? "NOT " : string.Empty) + c.Describe())));
                    table.AddRow(segment.Position, TerminalText.Markup(label), constraints);
                }

                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine($"typed: {parsed.TypedCount}/{parsed.Criteria.Count}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Stats()
    {
        var vocab = VocabularyOption();
        var top = new Option<int>("--top") { Description = "How many of the most frequent unparsed phrasings to list", DefaultValueFactory = _ => 25 };
        var unparsedOut = new Option<FileInfo?>("--unparsed-out") { Description = "Also write every criterion left untyped to this file, one per line: NCT id, role and text separated by tabs" };
        var format = CommonOptions.Format();
        var command = new Command("stats", "Parse every stored trial's criteria and report the share typed, counts per constraint type and the most frequent unparsed phrasings") { vocab, top, unparsedOut, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var parser = ParserFor(parseResult.GetValue(vocab), out var vocabError);
            if (vocabError is not null)
            {
                await Console.Error.WriteLineAsync($"error: {vocabError}");
                return ExitCodes.BadInput;
            }

            var (store, _) = await StoreSession.OpenAsync(parseResult, cancellationToken);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }

            await using (store)
            {
                var statistics = new CriteriaStatistics();
                await using var unparsedWriter = parseResult.GetValue(unparsedOut) is { } file ? new StreamWriter(file.FullName) : null;
                await foreach (var trial in store.ReadAllAsync(cancellationToken))
                {
                    var parsed = TrialCriteriaParser.Parse(trial, parser);
                    statistics.Add(trial, parsed);
                    if (unparsedWriter is not null)
                    {
                        foreach (var criterion in parsed.Criteria.Where(c => c.IsFreeText))
                        {
                            var role = criterion.Segment.Role == CriterionRole.Inclusion ? "inclusion" : "exclusion";
                            await unparsedWriter.WriteLineAsync($"{trial.NctId}\t{role}\t{string.Join(' ', criterion.Segment.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}");
                        }
                    }
                }

                var topCount = Math.Clamp(parseResult.GetValue(top), 0, 1000);
                if (parseResult.GetValue(format) == OutputFormat.Json)
                {
                    CliJson.Write(statistics.ToReport(topCount));
                }
                else
                {
                    var report = statistics.ToReport(topCount);
                    AnsiConsole.MarkupLine($"trials: {report.Trials} ({report.TrialsWithCriteria} with criteria), criteria: {report.Criteria}, typed: {report.TypedCriteria} ({report.TypedShare:P1})");
                    var types = new Table().AddColumns("Constraint type", "Criteria", "Constraints");
                    foreach (var (name, count) in report.CriteriaByType)
                    {
                        types.AddRow(name, count.ToString(CultureInfo.InvariantCulture), report.ConstraintsByType[name].ToString(CultureInfo.InvariantCulture));
                    }

                    AnsiConsole.Write(types);
                    var unparsed = new Table().AddColumns("Unparsed phrasing", "Criteria");
                    foreach (var phrase in report.TopUnparsed)
                    {
                        unparsed.AddRow(TerminalText.Markup(phrase.Phrasing), phrase.Count.ToString(CultureInfo.InvariantCulture));
                    }

                    AnsiConsole.Write(unparsed);
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    internal static bool TryRole(string? text, out CriterionRole role)
    {
        role = CriterionRole.Inclusion;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "inclusion" or "include" or "in":
                return true;
            case "exclusion" or "exclude" or "ex":
                role = CriterionRole.Exclusion;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>Counts over many parsed trials, for <c>criteria stats</c> and the benchmark.</summary>
internal sealed partial class CriteriaStatistics
{
    private readonly Dictionary<string, long> _criteriaByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _constraintsByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unparsed = new(StringComparer.Ordinal);

    public long Trials { get; private set; }

    public long TrialsWithCriteria { get; private set; }

    public long Criteria { get; private set; }

    public long Typed { get; private set; }

    public void Add(ClinicalTrial trial, ParsedEligibility parsed)
    {
        Trials++;
        if (parsed.Criteria.Count > 0)
        {
            TrialsWithCriteria++;
        }

        foreach (var criterion in parsed.Criteria)
        {
            Criteria++;
            if (criterion.IsFreeText)
            {
                var key = Phrasing(criterion.Segment.Text);
                _unparsed[key] = _unparsed.GetValueOrDefault(key) + 1;
                continue;
            }

            Typed++;
            foreach (var name in criterion.Constraints.Select(ConstraintView.TypeName).Distinct())
            {
                _criteriaByType[name] = _criteriaByType.GetValueOrDefault(name) + 1;
            }

            foreach (var constraint in criterion.Constraints)
            {
                var name = ConstraintView.TypeName(constraint);
                _constraintsByType[name] = _constraintsByType.GetValueOrDefault(name) + 1;
            }
        }
    }

    public CriteriaStatisticsReport ToReport(int top) => new(
        Trials,
        TrialsWithCriteria,
        Criteria,
        Typed,
        Criteria == 0 ? 0 : Math.Round((double)Typed / Criteria, 4),
        _criteriaByType.OrderByDescending(kv => kv.Value).ToDictionary(kv => kv.Key, kv => kv.Value),
        _constraintsByType.OrderByDescending(kv => kv.Value).ToDictionary(kv => kv.Key, kv => kv.Value),
        _unparsed.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top).Select(kv => new UnparsedPhrasing(kv.Key, kv.Value)).ToList());

    /// <summary>The first six words, lower case, numbers as #: so that "Age 18" and "Age 21" count as one phrasing.</summary>
    private static string Phrasing(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Take(6).Select(m => Digits().Replace(m.Value, "#"));
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Digits();
}

internal sealed record UnparsedPhrasing(string Phrasing, long Count);

/// <summary>
/// What <c>criteria stats</c> reports. <c>TypedShare</c> is the criteria with at least one typed constraint over all
/// criteria (0 to 1); boilerplate counts only when recognised as such.
/// </summary>
internal sealed record CriteriaStatisticsReport(
    long Trials,
    long TrialsWithCriteria,
    long Criteria,
    long TypedCriteria,
    double TypedShare,
    IReadOnlyDictionary<string, long> CriteriaByType,
    IReadOnlyDictionary<string, long> ConstraintsByType,
    IReadOnlyList<UnparsedPhrasing> TopUnparsed);

/// <summary>How constraints and parsed criteria print as JSON.</summary>
internal static class ConstraintView
{
    public static string TypeName(EligibilityConstraint constraint) => JsonNamingPolicy.CamelCase.ConvertName(constraint.Kind.ToString());

    public static object Criterion(ParsedCriterion criterion) => new
    {
        Position = criterion.Segment.Position,
        Role = criterion.Segment.Role == CriterionRole.Inclusion ? "inclusion" : "exclusion",
        criterion.Segment.Index,
        criterion.Segment.Depth,
        criterion.Segment.Section,
        criterion.Segment.Lead,
        criterion.Segment.Cohort,
        criterion.Segment.Text,
        Span = new { criterion.Segment.Span.Start, criterion.Segment.Span.Length },
        FreeText = criterion.IsFreeText,
        Constraints = criterion.Constraints.Select(c => new
        {
            Type = TypeName(c),
            Reading = c.Describe(),
            Text = c.Span.End <= criterion.Segment.Text.Length ? c.Span.Slice(criterion.Segment.Text) : null,
            Span = new { c.Span.Start, c.Span.Length },
            c.Negated,
            Detail = (object)c,
        }),
    };
}
