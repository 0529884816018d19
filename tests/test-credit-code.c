/* test-credit-code.c: the Unified Social Credit Code validator
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "sb-credit-code.h"

/* Two codes worked out by hand.
 *
 * 911401001234567887: market regulation (9), enterprise (1), Taiyuan
 * (140100), organisation base 12345678.
 *   Organisation check: 1·3 + 2·7 + 3·9 + 4·10 + 5·5 + 6·8 + 7·4 + 8·2 = 201,
 *   201 mod 11 = 3, 11 − 3 = 8, so the organisation code is 123456788.
 *   Check character over 9 1 1 4 0 1 0 0 1 2 3 4 5 6 7 8 8 with the weights
 *   1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
 *   9 + 3 + 9 + 108 + 0 + 26 + 0 + 0 + 20 + 58 + 75 + 52 + 40 + 144 + 70
 *   + 240 + 224 = 1078, 1078 mod 31 = 24, 31 − 24 = 7.
 *
 * 52140105MJ0000122T: civil affairs (5), private non-enterprise unit (2),
 * Xiaodian district of Taiyuan (140105), organisation base MJ000012.
 *   Organisation check (M = 22, J = 19): 22·3 + 19·7 + 1·4 + 2·2 = 207,
 *   207 mod 11 = 9, 11 − 9 = 2, so the organisation code is MJ0000122.
 *   Check character (in the code's alphabet M = 21, J = 18):
 *   5 + 6 + 9 + 108 + 0 + 26 + 0 + 85 + 420 + 522 + 0 + 0 + 0 + 0 + 10 + 60
 *   + 56 = 1307, 1307 mod 31 = 5, 31 − 5 = 26, the 27th character: T.
 */
#define HAND_CODE_1 "911401001234567887"
#define HAND_CODE_2 "52140105MJ0000122T"

/* Widely published real codes; none is registered in Shanxi except the
 * last.
 */
static const char *real_codes[] = {
  "91350100M000100Y43",
  "914403001922038216",
  "91110000100010433L",
  "91140000110114391W",
};

static void
assert_code_error (const char        *text,
                   SbCreditCodeFlags  flags,
                   SbCreditCodeError  code,
                   const char        *in_message)
{
  g_autoptr(GError) error = NULL;
  SbCreditCode result;

  g_assert_false (sb_credit_code_parse (text, flags, &result, &error));
  g_assert_error (error, SB_CREDIT_CODE_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (result.code, ==, "");
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” should be in the message “%s”", in_message, error->message);
  g_assert_false (sb_credit_code_is_valid (text, flags));
}

static void
test_hand_computed (void)
{
  g_autoptr(GError) error = NULL;
  SbCreditCode result;

  g_assert_cmpint (sb_credit_code_organisation_check ("12345678"), ==, '8');
  g_assert_cmpint (sb_credit_code_check_character ("91140100123456788"), ==, '7');
  g_assert_cmpint (sb_credit_code_organisation_check ("MJ000012"), ==, '2');
  g_assert_cmpint (sb_credit_code_check_character ("52140105MJ0000122"), ==, 'T');

  g_assert_true (sb_credit_code_parse (HAND_CODE_1, SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                                       &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result.code, ==, HAND_CODE_1);
  g_assert_cmpint (result.registration_authority, ==, '9');
  g_assert_cmpint (result.organisation_type, ==, '1');
  g_assert_cmpstr (result.division, ==, "140100");
  g_assert_cmpstr (result.organisation_code, ==, "123456788");
  g_assert_cmpint (result.check_character, ==, '7');

  g_assert_true (sb_credit_code_parse (HAND_CODE_2, SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                                       &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result.code, ==, HAND_CODE_2);
  g_assert_cmpint (result.registration_authority, ==, '5');
  g_assert_cmpint (result.organisation_type, ==, '2');
  g_assert_cmpstr (result.division, ==, "140105");
  g_assert_cmpstr (result.organisation_code, ==, "MJ0000122");
  g_assert_cmpint (result.check_character, ==, 'T');
}

static void
test_real_codes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (real_codes); i++)
    {
      g_autoptr(GError) error = NULL;

      sb_credit_code_parse (real_codes[i], SB_CREDIT_CODE_FLAGS_NONE, NULL, &error);
      g_assert_no_error (error);
    }
}

static void
test_generated (void)
{
  static const struct {
    char authority;
    char type;
    const char *division;
    const char *base;
  } parts[] = {
    { '9', '1', "140100", "MA0K0001" },   /* an enterprise in Taiyuan */
    { '1', '2', "140000", "MB100100" },   /* a provincial public institution */
    { '9', '1', "140700", "MA0HT2B3" },   /* an enterprise in Jinzhong */
    { '9', '3', "141000", "MA0L0000" },   /* a cooperative in Linfen */
    { '5', '1', "140000", "MJ0000A1" },   /* a provincial association */
    { 'Y', '1', "140200", "00000000" },   /* organisation check 11 → 0 */
    { 'N', '2', "140400", "08000000" },   /* organisation check 10 → X */
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = NULL;
      char first17[18];
      SbCreditCode result;

      /* By hand, with the two check functions */
      g_snprintf (first17, sizeof first17, "%c%c%s%s%c",
                  parts[i].authority, parts[i].type, parts[i].division, parts[i].base,
                  sb_credit_code_organisation_check (parts[i].base));
      code = g_strdup_printf ("%s%c", first17, sb_credit_code_check_character (first17));
      g_test_message ("generated %s", code);

      g_assert_true (sb_credit_code_parse (code, SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                                           &result, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (result.code, ==, code);
      g_assert_cmpint (result.registration_authority, ==, parts[i].authority);
      g_assert_cmpint (result.organisation_type, ==, parts[i].type);
      g_assert_cmpstr (result.division, ==, parts[i].division);
      g_assert_true (g_str_has_prefix (result.organisation_code, parts[i].base));

      /* And with the helper, which must agree */
      g_clear_pointer (&code, g_free);
      code = sb_credit_code_build (parts[i].authority, parts[i].type,
                                   parts[i].division, parts[i].base);
      g_assert_cmpstr (code, ==, result.code);
    }

  g_assert_cmpint (sb_credit_code_organisation_check ("00000000"), ==, '0');
  g_assert_cmpint (sb_credit_code_organisation_check ("08000000"), ==, 'X');
}

static void
test_check_functions (void)
{
  /* The organisation code uses letters A–Z with A = 10 … Z = 35; the credit
   * code's alphabet has no I, O, S, V, Z.
   */
  g_assert_cmpint (sb_credit_code_organisation_check ("Z0000000"), ==, '5');  /* 35·3 = 105 ≡ 6, 11 − 6 = 5 */
  g_assert_cmpint (sb_credit_code_organisation_check ("1234567"), ==, '\0');
  g_assert_cmpint (sb_credit_code_organisation_check ("1234567a"), ==, '\0');
  g_assert_cmpint (sb_credit_code_organisation_check ("1234567-"), ==, '\0');

  /* Value 0 → '0' when the sum is a multiple of 31 */
  g_assert_cmpint (sb_credit_code_check_character ("00000000000000000"), ==, '0');
  /* 1·1 → 31 − 1 = 30 → Y, the last character of the alphabet */
  g_assert_cmpint (sb_credit_code_check_character ("10000000000000000"), ==, 'Y');
  g_assert_cmpint (sb_credit_code_check_character ("9114010012345678"), ==, '\0');
  g_assert_cmpint (sb_credit_code_check_character ("9114010012345678O"), ==, '\0');
  g_assert_cmpint (sb_credit_code_check_character ("91140100123456788"), ==, '7');

  g_assert_null (sb_credit_code_build ('9', '1', "14010", "12345678"));
  g_assert_null (sb_credit_code_build ('9', '1', "140100", "1234567"));
  g_assert_null (sb_credit_code_build ('9', '1', "140100", "1234567O"));
  g_assert_null (sb_credit_code_build ('0', '1', "140100", "12345678"));
  g_assert_null (sb_credit_code_build ('9', '0', "140100", "12345678"));
  g_assert_null (sb_credit_code_build ('9', '1', "990100", "12345678"));
}

static void
test_normalise (void)
{
  static const struct {
    const char *text;
    const char *normalised;
  } cases[] = {
    { "911401001234567887", "911401001234567887" },
    { "52140105mj0000122t", "52140105MJ0000122T" },
    { "  9114 0100 1234 5678 87 ", "911401001234567887" },
    { "91140100-12345678-8-7", "911401001234567887" },
    { "\t91140100\n123456788 7", "911401001234567887" },
    /* Full-width digits and letters, an ideographic space, a full-width hyphen */
    { "９１１４０１００　１２３４５６７８８７", "911401001234567887" },
    { "５２１４０１０５ＭＪ００００１２２Ｔ", "52140105MJ0000122T" },
    { "５２１４０１０５ｍｊ００００１２２ｔ", "52140105MJ0000122T" },
    { "91140100－123456788－7", "911401001234567887" },
    { "91140100–123456788—7", "911401001234567887" },
    /* Other characters are kept, for parse to point at */
    { "9114010012345678中7", "9114010012345678中7" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalised = sb_credit_code_normalise (cases[i].text);

      g_assert_cmpstr (normalised, ==, cases[i].normalised);
    }

  /* The normalised forms parse; the result is always normalised */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GError) error = NULL;
      SbCreditCode result;

      g_assert_true (sb_credit_code_parse (cases[i].text, SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                                           &result, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (result.code, ==, cases[i].normalised);
    }
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *normalised = sb_credit_code_normalise ("91140100\xff" "12345678");

  g_assert_true (g_utf8_validate (normalised, -1, NULL));
  assert_code_error ("9114010012345678\xff" "7", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_CHARACTER, "Character 17");
}

static void
test_empty (void)
{
  assert_code_error (NULL, SB_CREDIT_CODE_FLAGS_NONE, SB_CREDIT_CODE_ERROR_EMPTY, NULL);
  assert_code_error ("", SB_CREDIT_CODE_FLAGS_NONE, SB_CREDIT_CODE_ERROR_EMPTY, NULL);
  assert_code_error ("   ", SB_CREDIT_CODE_FLAGS_NONE, SB_CREDIT_CODE_ERROR_EMPTY, NULL);
  assert_code_error (" - 　", SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI, SB_CREDIT_CODE_ERROR_EMPTY, NULL);
}

static void
test_length (void)
{
  assert_code_error ("91140100123456788", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_LENGTH, "this one has 17");
  assert_code_error ("9114010012345678877", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_LENGTH, "this one has 19");
  assert_code_error ("9", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_LENGTH, "this one has 1");
  /* Counted in characters, not bytes */
  assert_code_error ("中华人民共和国", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_LENGTH, "this one has 7");
  /* The organisation code alone (an old habit) */
  assert_code_error ("12345678-8", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_LENGTH, "this one has 9");
}

static void
test_character (void)
{
  /* The five letters the standard leaves out, wherever they are */
  assert_code_error ("91140100I23456788 7", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_CHARACTER, "Character 9, “I”");
  assert_code_error ("9114010012345678O7", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_CHARACTER, "Character 17, “O”");
  assert_code_error ("S11401001234567887", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_CHARACTER, "Character 1, “S”");
  assert_code_error ("91140100V234567887", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_CHARACTER, "I, O, S, V and Z");
  assert_code_error ("91140100123456788z", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_CHARACTER, "Character 18, “Z”");

  /* Anything else */
  assert_code_error ("91140100*234567887", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_CHARACTER, "Character 9, “*”");
  assert_code_error ("9114010012345678中7", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_CHARACTER, "Character 17, “中”");
  assert_code_error ("91140100.234567887", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_CHARACTER, "digits and upper-case letters");
}

static void
test_registration (void)
{
  /* 0 is no registering authority; neither is a letter other than A, N, Y */
  assert_code_error ("011401001234567887", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_REGISTRATION, "“0”");
  assert_code_error ("B11401001234567887", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_REGISTRATION, "“B”");
  /* The organisation type is a digit from 1 to 9 */
  assert_code_error ("901401001234567887", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_REGISTRATION, "organisation type");
  assert_code_error ("9A1401001234567887", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_REGISTRATION, "“A”");

  /* Every registering authority in use is accepted */
  for (const char *a = "123456789ANY"; *a != '\0'; a++)
    {
      g_autofree char *code = sb_credit_code_build (*a, '9', "140100", "12345678");

      g_assert_nonnull (code);
      g_assert_true (sb_credit_code_is_valid (code, SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI));
    }
}

static void
test_division (void)
{
  assert_code_error ("9114A1001234567887", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_DIVISION, "(14A100)");
  assert_code_error ("91MA01001234567887", SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                     SB_CREDIT_CODE_ERROR_DIVISION, "Characters 3–8 (MA0100)");
  /* Six digits, but no province starts with 99 or 00 */
  assert_code_error ("91990100123456788X", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_DIVISION, "the code 99");
  assert_code_error ("91000000123456788X", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_DIVISION, "the code 00");
}

static void
test_shanxi (void)
{
  g_autofree char *beijing = sb_credit_code_build ('9', '1', "110108", "12345678");
  g_autofree char *central = sb_credit_code_build ('1', '1', "100000", "12345678");
  g_autofree char *inner_mongolia = sb_credit_code_build ('9', '1', "150100", "12345678");
  g_autoptr(GError) error = NULL;
  SbCreditCode result;

  g_assert_nonnull (beijing);
  g_assert_nonnull (central);
  g_assert_nonnull (inner_mongolia);

  /* Accepted without the flag … */
  g_assert_true (sb_credit_code_parse (beijing, SB_CREDIT_CODE_FLAGS_NONE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result.division, ==, "110108");
  g_assert_true (sb_credit_code_is_valid (central, SB_CREDIT_CODE_FLAGS_NONE));
  g_assert_true (sb_credit_code_is_valid (inner_mongolia, SB_CREDIT_CODE_FLAGS_NONE));
  for (guint i = 0; i < G_N_ELEMENTS (real_codes); i++)
    g_assert_true (sb_credit_code_is_valid (real_codes[i], SB_CREDIT_CODE_FLAGS_NONE));

  /* … refused with it */
  assert_code_error (beijing, SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                     SB_CREDIT_CODE_ERROR_NOT_SHANXI, "110108 does not start with 14");
  assert_code_error (central, SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                     SB_CREDIT_CODE_ERROR_NOT_SHANXI, "100000");
  assert_code_error (inner_mongolia, SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                     SB_CREDIT_CODE_ERROR_NOT_SHANXI, "150100");
  assert_code_error (real_codes[0], SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                     SB_CREDIT_CODE_ERROR_NOT_SHANXI, "350100");
  g_assert_true (sb_credit_code_is_valid (real_codes[3], SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI));

  /* The Shanxi rule comes before the check characters */
  assert_code_error ("911101081234567800", SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                     SB_CREDIT_CODE_ERROR_NOT_SHANXI, NULL);
}

static void
test_organisation_code (void)
{
  /* 123456788 with its check digit mistyped; character 18 recomputed so only
   * the organisation code is wrong.
   */
  char code[19] = "91140100123456789";

  code[17] = sb_credit_code_check_character (code);
  code[18] = '\0';
  assert_code_error (code, SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                     SB_CREDIT_CODE_ERROR_ORGANISATION_CODE, "should be 8, not 9");

  /* Two digits swapped in the organisation code */
  memcpy (code, "91140100213456788", 17);
  code[17] = sb_credit_code_check_character (code);
  assert_code_error (code, SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_ORGANISATION_CODE, "(213456788)");

  /* A letter where the check digit must be a digit or X */
  memcpy (code, "9114010012345678A", 17);
  code[17] = sb_credit_code_check_character (code);
  assert_code_error (code, SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_ORGANISATION_CODE, "should be 8, not A");
}

static void
test_check_character (void)
{
  assert_code_error ("911401001234567886", SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                     SB_CREDIT_CODE_ERROR_CHECK_CHARACTER, "should be 7, not 6");
  assert_code_error ("52140105MJ0000122Y", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_CHECK_CHARACTER, "should be T, not Y");
  assert_code_error ("52140105mj0000122x", SB_CREDIT_CODE_FLAGS_NONE,
                     SB_CREDIT_CODE_ERROR_CHECK_CHARACTER, "should be T, not X");
  /* A mistyped division (140100 → 140200) is caught by character 18 */
  assert_code_error ("911402001234567887", SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI,
                     SB_CREDIT_CODE_ERROR_CHECK_CHARACTER, "mistyped");
}

static void
test_every_single_typo (void)
{
  /* Changing any one of the first 17 characters of a valid code to another
   * character of the alphabet makes it invalid: the check character is a
   * weighted sum modulo a prime with weights that are never 0 mod 31.
   */
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  guint n_rejected = 0;

  for (guint i = 0; i < 17; i++)
    for (const char *a = alphabet; *a != '\0'; a++)
      {
        char code[19] = HAND_CODE_2;

        if (code[i] == *a)
          continue;
        code[i] = *a;
        g_assert_false (sb_credit_code_is_valid (code, SB_CREDIT_CODE_FLAGS_NONE));
        n_rejected++;
      }

  g_assert_cmpuint (n_rejected, ==, 17 * 30);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credit-code/hand-computed", test_hand_computed);
  g_test_add_func ("/credit-code/real-codes", test_real_codes);
  g_test_add_func ("/credit-code/generated", test_generated);
  g_test_add_func ("/credit-code/check-functions", test_check_functions);
  g_test_add_func ("/credit-code/normalise", test_normalise);
  g_test_add_func ("/credit-code/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/credit-code/empty", test_empty);
  g_test_add_func ("/credit-code/length", test_length);
  g_test_add_func ("/credit-code/character", test_character);
  g_test_add_func ("/credit-code/registration", test_registration);
  g_test_add_func ("/credit-code/division", test_division);
  g_test_add_func ("/credit-code/shanxi", test_shanxi);
  g_test_add_func ("/credit-code/organisation-code", test_organisation_code);
  g_test_add_func ("/credit-code/check-character", test_check_character);
  g_test_add_func ("/credit-code/every-single-typo", test_every_single_typo);

  return g_test_run ();
}
