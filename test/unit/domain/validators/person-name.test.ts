import { describe, expect, it } from "vitest";
import { validatePersonName } from "../../../../src/domain/validators/person-name";

describe("validatePersonName", () => {
  describe("accepts", () => {
    it.each([
      ["a two-character Chinese name", "张三", "张三"],
      ["a four-character Chinese name", "欧阳娜娜", "欧阳娜娜"],
      ["a name with the middle dot U+00B7", "阿依古丽·买买提", "阿依古丽·买买提"],
      ["the katakana middle dot U+30FB, normalised", "阿依古丽\u30FB买买提", "阿依古丽·买买提"],
      ["the bullet U+2022, normalised", "阿依古丽\u2022买买提", "阿依古丽·买买提"],
      ["the half-width katakana dot U+FF65, normalised", "阿依古丽\uFF65买买提", "阿依古丽·买买提"],
      ["several dots", "爱新觉罗·溥仪·某", "爱新觉罗·溥仪·某"],
      ["spaces around the dot, removed", "阿依古丽 · 买买提", "阿依古丽·买买提"],
      ["a space between Chinese characters, removed", "张 三", "张三"],
      ["a full-width space inside and around, removed", "\u3000张\u3000三丰\u3000", "张三丰"],
      ["a character outside the BMP", "𠀀三", "𠀀三"],
      ["a Latin name", "John Smith", "John Smith"],
      ["a two-letter Latin name", "Li", "Li"],
      ["inner runs of whitespace, collapsed", "  John \t  Smith  ", "John Smith"],
      ["a hyphen and an apostrophe", "Mary-Jane O'Brien", "Mary-Jane O'Brien"],
      ["a curly apostrophe, normalised", "O\u2019Brien", "O'Brien"],
      ["a Unicode hyphen, normalised", "Jean\u2010Luc", "Jean-Luc"],
      ["initials with periods", "J. R. R. Tolkien", "J. R. R. Tolkien"],
      ["a trailing period", "Martin Luther King Jr.", "Martin Luther King Jr."],
      ["initials without spaces", "J.R.", "J.R."],
      ["accented letters", "José Álvarez", "José Álvarez"],
      ["a decomposed accent, composed", "Zoe\u0308 Smith", "Zoë Smith"],
      ["64 characters", "张".repeat(64), "张".repeat(64)],
    ])("should accept %s", (_, input, expected) => {
      expect(validatePersonName(input)).toEqual({ ok: true, value: expected });
    });
  });

  describe("rejects", () => {
    it.each([
      ["an empty string", "", "required"],
      ["only whitespace", " \u3000 ", "required"],
      ["one Chinese character", "张", "too_short"],
      ["one Latin letter", "J", "too_short"],
      ["one character after trimming", "  张  ", "too_short"],
      ["65 Chinese characters", "张".repeat(65), "too_long"],
      ["65 Latin letters", "a".repeat(65), "too_long"],
      ["an ASCII digit in a Chinese name", "张3", "contains_digit"],
      ["a full-width digit", "张三\uFF13", "contains_digit"],
      ["a digit in a Latin name", "John Smith2", "contains_digit"],
      ["a name that is only digits", "123456", "contains_digit"],
      ["an exclamation mark", "张三!", "invalid_character"],
      ["a comma", "Smith, John", "invalid_character"],
      ["an emoji", "张三😀", "invalid_character"],
      ["Hangul", "김철수", "invalid_character"],
      ["Cyrillic", "Иван", "invalid_character"],
      ["a hyphen in a Chinese name", "张-三", "invalid_character"],
      ["a middle dot in a Latin name", "John·Smith", "invalid_character"],
      ["Chinese and Latin together", "张三 Lee", "mixed_script"],
      ["a leading middle dot", "·张三", "misplaced_separator"],
      ["a trailing middle dot", "张三·", "misplaced_separator"],
      ["two middle dots in a row", "张··三", "misplaced_separator"],
      ["a leading hyphen", "-John", "misplaced_separator"],
      ["a trailing hyphen", "John Smith-", "misplaced_separator"],
      ["two hyphens in a row", "John--Smith", "misplaced_separator"],
      ["a space after a hyphen", "Smith- Jones", "misplaced_separator"],
      ["only punctuation", "--", "misplaced_separator"],
    ])("should reject %s", (_, input, code) => {
      expect(validatePersonName(input)).toEqual({ ok: false, code });
    });
  });
});
