/* sb-credit-code.h: the Unified Social Credit Code (GB 32100-2015)
 *
 * 统一社会信用代码: 18 characters from a 31-character alphabet.  Character 1
 * is the registering authority, 2 the organisation type, 3–8 the
 * administrative division of the registering authority, 9–17 the
 * organisation code (GB 11714, with its own check digit), 18 the check
 * character over the first 17.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SB_CREDIT_CODE_ERROR (sb_credit_code_error_quark ())

typedef enum
{
  SB_CREDIT_CODE_ERROR_EMPTY,
  SB_CREDIT_CODE_ERROR_LENGTH,
  SB_CREDIT_CODE_ERROR_CHARACTER,
  SB_CREDIT_CODE_ERROR_REGISTRATION,      /* characters 1–2 */
  SB_CREDIT_CODE_ERROR_DIVISION,          /* characters 3–8 are not a division code */
  SB_CREDIT_CODE_ERROR_NOT_SHANXI,        /* division does not start with 14 */
  SB_CREDIT_CODE_ERROR_ORGANISATION_CODE, /* GB 11714 check digit, character 17 */
  SB_CREDIT_CODE_ERROR_CHECK_CHARACTER,   /* character 18 */
} SbCreditCodeError;

typedef enum
{
  SB_CREDIT_CODE_FLAGS_NONE           = 0,
  SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI = 1 << 0,
} SbCreditCodeFlags;

typedef struct
{
  char code[19];              /* normalised: upper case, no spaces */
  char registration_authority;
  char organisation_type;
  char division[7];           /* six digits, e.g. "140100" */
  char organisation_code[10]; /* nine characters */
  char check_character;
} SbCreditCode;

GQuark    sb_credit_code_error_quark (void);

char     *sb_credit_code_normalise   (const char         *text);
gboolean  sb_credit_code_parse       (const char         *text,
                                      SbCreditCodeFlags   flags,
                                      SbCreditCode       *result,
                                      GError            **error);
gboolean  sb_credit_code_is_valid    (const char         *text,
                                      SbCreditCodeFlags   flags);
char      sb_credit_code_check_character       (const char *first17);
char      sb_credit_code_organisation_check    (const char *first8);
char     *sb_credit_code_build       (char                registration_authority,
                                      char                organisation_type,
                                      const char         *division,
                                      const char         *organisation_base);

G_END_DECLS
