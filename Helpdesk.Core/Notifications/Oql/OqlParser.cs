using System.Text;

namespace Helpdesk.Core.Notifications.Oql;

/// <summary>
/// The OQL subset for recipient queries and trigger filters:
/// <c>SELECT Class [WHERE cond]</c>, cond := term (OR term)*, term := factor (AND factor)*,
/// factor := '(' cond ')' | field (= | != | LIKE | NOT LIKE) value | field [NOT] IN (value, …) | field [NOT] IN :this->list;
/// value := 'text' | "text" | number | :this->field | :current_contact_id; list := contacts_list.
/// </summary>
public sealed class OqlParser
{
    private readonly string _text;
    private int _pos;

    private OqlParser(string text) => _text = text;

    public static OqlQuery ParseQuery(string text)
    {
        var parser = new OqlParser(text ?? "");
        parser.Keyword("SELECT");
        var className = parser.Identifier("a class name after SELECT");
        OqlCondition? where = null;
        if (parser.TryKeyword("WHERE")) where = parser.Condition();
        parser.End();
        return new OqlQuery(className.Name, where);
    }

    /// <summary>A bare WHERE clause, as used by trigger filters.</summary>
    public static OqlCondition ParseCondition(string text)
    {
        var parser = new OqlParser(text ?? "");
        var condition = parser.Condition();
        parser.End();
        return condition;
    }

    private OqlCondition Condition()
    {
        var left = Term();
        while (TryKeyword("OR")) left = new OqlOr(left, Term());
        return left;
    }

    private OqlCondition Term()
    {
        var left = Factor();
        while (TryKeyword("AND")) left = new OqlAnd(left, Factor());
        return left;
    }

    private OqlCondition Factor()
    {
        SkipSpace();
        if (TrySymbol("("))
        {
            var inner = Condition();
            Expect(")");
            return inner;
        }
        var field = Identifier("a field name");
        if (TryKeyword("NOT"))
        {
            if (TryKeyword("IN")) return new OqlIn(field.Name, field.Position, List(), Negated: true);
            Keyword("LIKE");
            return new OqlComparison(field.Name, field.Position, OqlOperator.NotLike, Value());
        }
        if (TryKeyword("IN")) return new OqlIn(field.Name, field.Position, List(), Negated: false);
        if (TryKeyword("LIKE")) return new OqlComparison(field.Name, field.Position, OqlOperator.Like, Value());
        if (TrySymbol("!=") || TrySymbol("<>")) return new OqlComparison(field.Name, field.Position, OqlOperator.NotEqual, Value());
        if (TrySymbol("=")) return new OqlComparison(field.Name, field.Position, OqlOperator.Equal, Value());
        throw Error("Expected =, !=, LIKE or IN");
    }

    private List<OqlValue> List()
    {
        // iTop's "id IN :this->contacts_list": a parameter that stands for a whole list.
        SkipSpace();
        if (_pos < _text.Length && _text[_pos] == ':') return [Value()];
        Expect("(");
        var values = new List<OqlValue> { Value() };
        while (TrySymbol(",")) values.Add(Value());
        Expect(")");
        return values;
    }

    private OqlValue Value()
    {
        SkipSpace();
        var start = _pos + 1;
        if (_pos >= _text.Length) throw Error("Expected a value");
        var c = _text[_pos];
        if (c is '\'' or '"')
        {
            _pos++;
            var text = new StringBuilder();
            while (_pos < _text.Length && _text[_pos] != c)
            {
                if (_text[_pos] == '\\' && _pos + 1 < _text.Length) _pos++;
                text.Append(_text[_pos++]);
            }
            if (_pos >= _text.Length) throw new OqlSyntaxException("Unterminated string", start);
            _pos++;
            return new OqlLiteral(text.ToString(), start);
        }
        if (char.IsDigit(c) || c == '-')
        {
            var begin = _pos++;
            while (_pos < _text.Length && char.IsDigit(_text[_pos])) _pos++;
            return new OqlLiteral(_text[begin.._pos], start);
        }
        if (c == ':')
        {
            _pos++;
            var first = Identifier("a parameter name after ':'");
            if (TrySymbol("->"))
            {
                var name = Identifier("a field name after '->'");
                return new OqlParameter(first.Name, name.Name, start);
            }
            return new OqlParameter(null, first.Name, start);
        }
        throw Error("Expected a value ('text', a number or :this->field)");
    }

    private (string Name, int Position) Identifier(string what)
    {
        SkipSpace();
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
        if (start == _pos || char.IsDigit(_text[start])) throw Error($"Expected {what}");
        return (_text[start.._pos], start + 1);
    }

    private void Keyword(string keyword)
    {
        if (!TryKeyword(keyword)) throw Error($"Expected {keyword}");
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        if (_pos + keyword.Length > _text.Length || !_text.AsSpan(_pos, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase)) return false;
        var end = _pos + keyword.Length;
        if (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] == '_')) return false;
        _pos = end;
        return true;
    }

    private bool TrySymbol(string symbol)
    {
        SkipSpace();
        if (!_text.AsSpan(_pos).StartsWith(symbol, StringComparison.Ordinal)) return false;
        _pos += symbol.Length;
        return true;
    }

    private void Expect(string symbol)
    {
        if (!TrySymbol(symbol)) throw Error($"Expected '{symbol}'");
    }

    private void End()
    {
        SkipSpace();
        if (_pos < _text.Length) throw Error("Unexpected text");
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private OqlSyntaxException Error(string message)
    {
        SkipSpace();
        return new OqlSyntaxException(_pos < _text.Length ? $"{message}, found '{Near()}'" : $"{message}, found the end of the query", _pos + 1);
    }

    private string Near() => _text.Substring(_pos, Math.Min(12, _text.Length - _pos));
}
