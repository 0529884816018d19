/* sb-credit-code.c: checking Unified Social Credit Codes (GB 32100-2015)
 */
#define G_LOG_DOMAIN "sb-credit-code"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-credit-code.h"

#define CREDIT_CODE_LENGTH 18

/* GB 32100-2015: the 31 characters of the code, in the order of their
 * values (I, O, S, V and Z are left out so they cannot be mistaken for
 * 1, 0, 5, U and 2).
 */
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* W_i = 3^(i-1) mod 31, i = 1 … 17 */
static const int check_weights[17] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

/* GB 11714-1997, the organisation code's own check digit */
static const int organisation_weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };

/* Character 1: 1 institutional establishment (机构编制), 2 foreign affairs,
 * 3 justice, 4 culture, 5 civil affairs (民政), 6 tourism, 7 religious
 * affairs, 8 trade unions, 9 market regulation (工商), A the military's
 * establishment office, N agriculture, Y others.
 */
static const char registration_authorities[] = "123456789ANY";

/* The first two digits of GB/T 2260 division codes; 10 is used for
 * organisations registered by the central authorities (100000).
 */
static const int province_codes[] = {
  10,
  11, 12, 13, 14, 15,
  21, 22, 23,
  31, 32, 33, 34, 35, 36, 37,
  41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54,
  61, 62, 63, 64, 65,
  71, 81, 82,
};

G_DEFINE_QUARK (sb-credit-code-error-quark, sb_credit_code_error)

static int
alphabet_value (char c)
{
  const char *found;

  if (c == '\0')
    return -1;

  found = strchr (alphabet, c);
  return found != NULL ? (int) (found - alphabet) : -1;
}

static int
organisation_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'Z')
    return 10 + (c - 'A');
  return -1;
}

static gboolean
is_province_code (const char *division)
{
  int code = (division[0] - '0') * 10 + (division[1] - '0');

  for (guint i = 0; i < G_N_ELEMENTS (province_codes); i++)
    {
      if (province_codes[i] == code)
        return TRUE;
    }

  return FALSE;
}

/* Characters people paste or type between the groups of a code. */
static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c)
         || c == '-'
         || (c >= 0x2010 && c <= 0x2015)   /* hyphens and dashes */
         || c == 0x2212                    /* minus sign */
         || c == 0xFE58 || c == 0xFE63     /* small dashes */
         || c == 0x200B || c == 0xFEFF;    /* zero-width space, BOM */
}

static gboolean
is_never_used_letter (char c)
{
  return c == 'I' || c == 'O' || c == 'S' || c == 'V' || c == 'Z';
}

/**
 * sb_credit_code_normalise:
 * @text: a code as typed
 *
 * Upper-cases @text, converts full-width digits and letters (as typed with a
 * Chinese input method) to ASCII and removes spaces and hyphens.  Anything
 * else is kept, so sb_credit_code_parse() can point at it.
 *
 * Returns: (transfer full): the normalised code
 */
char *
sb_credit_code_normalise (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (CREDIT_CODE_LENGTH + 1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Full-width forms of the printable ASCII characters, ０ Ａ ａ － … */
      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;

      if (is_separator (c))
        continue;

      if (c < 0x80)
        g_string_append_c (out, g_ascii_toupper ((char) c));
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * sb_credit_code_parse:
 * @text: (nullable): a code as typed
 * @flags: what else to require
 * @result: (out caller-allocates) (optional): the parts of the code
 * @error: return location for a #GError in the %SB_CREDIT_CODE_ERROR domain
 *
 * Checks @text, after sb_credit_code_normalise(), in the order of
 * #SbCreditCodeError: that it is there, its length, its characters, the
 * registering authority and organisation type, the division code (and that
 * it is in Shanxi, if @flags ask for it), the organisation code's check digit
 * and finally the check character.  @result is cleared, and filled only when
 * the code is valid.
 *
 * Returns: %TRUE if @text is a valid code
 */
gboolean
sb_credit_code_parse (const char         *text,
                      SbCreditCodeFlags   flags,
                      SbCreditCode       *result,
                      GError            **error)
{
  g_autofree char *code = NULL;
  char division[7];
  char organisation_code[10];
  glong length;
  int position;
  char expected;

  if (result != NULL)
    memset (result, 0, sizeof *result);

  code = sb_credit_code_normalise (text != NULL ? text : "");

  if (code[0] == '\0')
    {
      g_set_error_literal (error, SB_CREDIT_CODE_ERROR, SB_CREDIT_CODE_ERROR_EMPTY,
                           _("No Unified Social Credit Code was given"));
      return FALSE;
    }

  length = g_utf8_strlen (code, -1);
  if (length != CREDIT_CODE_LENGTH)
    {
      g_set_error (error, SB_CREDIT_CODE_ERROR, SB_CREDIT_CODE_ERROR_LENGTH,
                   _("A Unified Social Credit Code has 18 characters; this one has %d"),
                   (int) length);
      return FALSE;
    }

  position = 1;
  for (const char *p = code; *p != '\0'; p = g_utf8_next_char (p), position++)
    {
      g_autofree char *character = NULL;

      if ((guchar) *p < 0x80 && alphabet_value (*p) >= 0)
        continue;

      character = g_strndup (p, g_utf8_next_char (p) - p);

      if (is_never_used_letter (*p))
        g_set_error (error, SB_CREDIT_CODE_ERROR, SB_CREDIT_CODE_ERROR_CHARACTER,
                     /* Translators: the first %d is a position (1–18), %s the character */
                     _("Character %d, “%s”, is not allowed in a Unified Social Credit Code (the letters I, O, S, V and Z are never used)"),
                     position, character);
      else
        g_set_error (error, SB_CREDIT_CODE_ERROR, SB_CREDIT_CODE_ERROR_CHARACTER,
                     /* Translators: the first %d is a position (1–18), %s the character */
                     _("Character %d, “%s”, is not allowed in a Unified Social Credit Code, which is made of digits and upper-case letters only"),
                     position, character);
      return FALSE;
    }

  /* From here on the code is 18 ASCII characters of the alphabet. */
  g_assert (strlen (code) == CREDIT_CODE_LENGTH);

  if (strchr (registration_authorities, code[0]) == NULL)
    {
      g_set_error (error, SB_CREDIT_CODE_ERROR, SB_CREDIT_CODE_ERROR_REGISTRATION,
                   _("The first character, “%c”, is not a registering authority (for example 1 for an establishment office, 5 for civil affairs, 9 for market regulation, Y for others)"),
                   code[0]);
      return FALSE;
    }

  if (code[1] < '1' || code[1] > '9')
    {
      g_set_error (error, SB_CREDIT_CODE_ERROR, SB_CREDIT_CODE_ERROR_REGISTRATION,
                   _("The second character, “%c”, is not an organisation type, which is a digit from 1 to 9"),
                   code[1]);
      return FALSE;
    }

  memcpy (division, code + 2, 6);
  division[6] = '\0';

  for (guint i = 0; i < 6; i++)
    {
      if (!g_ascii_isdigit (division[i]))
        {
          g_set_error (error, SB_CREDIT_CODE_ERROR, SB_CREDIT_CODE_ERROR_DIVISION,
                       _("Characters 3–8 (%s) must be the administrative division code of the registering authority"),
                       division);
          return FALSE;
        }
    }

  if (!is_province_code (division))
    {
      g_set_error (error, SB_CREDIT_CODE_ERROR, SB_CREDIT_CODE_ERROR_DIVISION,
                   /* Translators: %s is a six-digit code, %.2s its first two digits */
                   _("Characters 3–8 (%s) must be the administrative division code of the registering authority, but no province has the code %.2s"),
                   division, division);
      return FALSE;
    }

  if ((flags & SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI) != 0
      && strncmp (division, "14", 2) != 0)
    {
      g_set_error (error, SB_CREDIT_CODE_ERROR, SB_CREDIT_CODE_ERROR_NOT_SHANXI,
                   _("The lead unit must be registered in Shanxi: its division code %s does not start with 14"),
                   division);
      return FALSE;
    }

  memcpy (organisation_code, code + 8, 9);
  organisation_code[9] = '\0';

  expected = sb_credit_code_organisation_check (organisation_code);
  g_assert (expected != '\0');
  if (organisation_code[8] != expected)
    {
      g_set_error (error, SB_CREDIT_CODE_ERROR, SB_CREDIT_CODE_ERROR_ORGANISATION_CODE,
                   /* Translators: %s is nine characters; the two %c are single characters */
                   _("Characters 9–17 (%s) are not a valid organisation code: its last character should be %c, not %c; the code may have been mistyped"),
                   organisation_code, expected, organisation_code[8]);
      return FALSE;
    }

  expected = sb_credit_code_check_character (code);
  g_assert (expected != '\0');
  if (code[17] != expected)
    {
      g_set_error (error, SB_CREDIT_CODE_ERROR, SB_CREDIT_CODE_ERROR_CHECK_CHARACTER,
                   _("The check character should be %c, not %c: the code may have been mistyped"),
                   expected, code[17]);
      return FALSE;
    }

  if (result != NULL)
    {
      memcpy (result->code, code, CREDIT_CODE_LENGTH + 1);
      result->registration_authority = code[0];
      result->organisation_type = code[1];
      memcpy (result->division, division, sizeof result->division);
      memcpy (result->organisation_code, organisation_code, sizeof result->organisation_code);
      result->check_character = code[17];
    }

  return TRUE;
}

gboolean
sb_credit_code_is_valid (const char        *text,
                         SbCreditCodeFlags  flags)
{
  return sb_credit_code_parse (text, flags, NULL, NULL);
}

/**
 * sb_credit_code_check_character:
 * @first17: the first 17 characters of a code (more are ignored)
 *
 * Returns: character 18 for @first17, or '\0' if one of the 17 characters is
 *   not in the code's alphabet
 */
char
sb_credit_code_check_character (const char *first17)
{
  int sum = 0;
  int check;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      int value = alphabet_value (first17[i]);

      if (value < 0)
        return '\0';
      sum += value * check_weights[i];
    }

  check = 31 - sum % 31;
  if (check == 31)
    check = 0;

  return alphabet[check];
}

/**
 * sb_credit_code_organisation_check:
 * @first8: the first 8 characters of a GB 11714 organisation code (more are
 *   ignored)
 *
 * Returns: the organisation code's ninth character, a digit or 'X', or '\0'
 *   if one of the 8 characters is not a digit or an upper-case letter
 */
char
sb_credit_code_organisation_check (const char *first8)
{
  int sum = 0;
  int check;

  g_return_val_if_fail (first8 != NULL, '\0');

  for (guint i = 0; i < 8; i++)
    {
      int value = organisation_value (first8[i]);

      if (value < 0)
        return '\0';
      sum += value * organisation_weights[i];
    }

  check = 11 - sum % 11;
  if (check == 10)
    return 'X';
  if (check == 11)
    return '0';

  return (char) ('0' + check);
}

/**
 * sb_credit_code_build:
 * @registration_authority: character 1, e.g. '9'
 * @organisation_type: character 2, e.g. '1'
 * @division: six digits, e.g. "140100"
 * @organisation_base: the first eight characters of the organisation code
 *
 * Completes a code with its two check characters, for the demo data and
 * tests.
 *
 * Returns: (transfer full) (nullable): an 18-character valid code, or %NULL
 *   if the parts cannot make one
 */
char *
sb_credit_code_build (char        registration_authority,
                      char        organisation_type,
                      const char *division,
                      const char *organisation_base)
{
  char code[CREDIT_CODE_LENGTH + 1];

  g_return_val_if_fail (division != NULL, NULL);
  g_return_val_if_fail (organisation_base != NULL, NULL);

  if (strlen (division) != 6 || strlen (organisation_base) != 8)
    return NULL;

  code[0] = registration_authority;
  code[1] = organisation_type;
  memcpy (code + 2, division, 6);
  memcpy (code + 8, organisation_base, 8);
  code[16] = sb_credit_code_organisation_check (organisation_base);
  code[17] = '\0';
  if (code[16] == '\0')
    return NULL;

  code[17] = sb_credit_code_check_character (code);
  code[18] = '\0';
  if (code[17] == '\0')
    return NULL;

  if (!sb_credit_code_is_valid (code, SB_CREDIT_CODE_FLAGS_NONE))
    return NULL;

  return g_strdup (code);
}
