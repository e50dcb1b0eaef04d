namespace TrialAccess.Patients;

/// <summary>Stage groups written the one way <see cref="Stage.Group"/> holds them: Roman numerals I-IV (or 0) and an optional letter A-C.</summary>
public static class StageGroup
{
    /// <summary>Accepts "IIIB", "3b", "Stage IV", "1B"; gives "IIIB", "IIIB", "IV", "IB".</summary>
    public static bool TryNormalise(string text, out string group)
    {
        ArgumentNullException.ThrowIfNull(text);
        group = "";
        var s = text.Trim().ToUpperInvariant();
        if (s.StartsWith("STAGE", StringComparison.Ordinal))
        {
            s = s[5..].Trim();
        }

        if (s.Length == 0)
        {
            return false;
        }

        var i = 0;
        string numeral;
        if (s[0] is >= '0' and <= '4')
        {
            numeral = s[0] switch { '0' => "0", '1' => "I", '2' => "II", '3' => "III", _ => "IV" };
            i = 1;
        }
        else
        {
            while (i < s.Length && s[i] is 'I' or 'V')
            {
                i++;
            }

            numeral = s[..i];
            if (numeral is not ("I" or "II" or "III" or "IV"))
            {
                return false;
            }
        }

        var letter = "";
        if (i < s.Length && s[i] is 'A' or 'B' or 'C')
        {
            letter = s[i].ToString();
            i++;
            if (i < s.Length && s[i] is '1' or '2' or '3')
            {
                letter += s[i];
                i++;
            }
        }

        if (i != s.Length)
        {
            return false;
        }

        group = numeral + letter;
        return numeral != "0" || letter.Length == 0;
    }
}
