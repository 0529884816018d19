/* sb-base-name.c: the names a base carries (Art. 18, 22)
 *
 * The names are fixed by the regulation, not translated: a base is called
 * 山西省技术标准创新基地（×××） in every language, and its English name is
 * the one Art. 22 gives (with the spaces its printed text lost).
 */
#define G_LOG_DOMAIN "sb-base-name"

#include "config.h"

#include "sb-base-name.h"

#define PREFIX_ZH "山西省技术标准创新基地"
#define PREFIX_EN "Shanxi Technical Standard Innovation Base of "

/* Full-width parentheses, as the regulation writes them. */
char *
sb_base_name_preparatory_zh (const char *short_name)
{
  g_return_val_if_fail (short_name != NULL, NULL);

  return g_strconcat (PREFIX_ZH "（", short_name, "）（筹）", NULL);
}

char *
sb_base_name_established_zh (const char *short_name)
{
  g_return_val_if_fail (short_name != NULL, NULL);

  return g_strconcat (PREFIX_ZH "（", short_name, "）", NULL);
}

char *
sb_base_name_established_en (const char *short_name_en)
{
  g_return_val_if_fail (short_name_en != NULL, NULL);

  return g_strconcat (PREFIX_EN, short_name_en, NULL);
}

/* Art. 18 gives only the Chinese preparatory name; "(Preparatory)" is the
 * usual English rendering of （筹）. */
char *
sb_base_name_preparatory_en (const char *short_name_en)
{
  g_return_val_if_fail (short_name_en != NULL, NULL);

  return g_strconcat (PREFIX_EN, short_name_en, " (Preparatory)", NULL);
}

/* Art. 22 gives the final name only to a base that passed acceptance, so
 * only an established base (and one rectifying after an annual assessment,
 * which is still established) carries it.  While preparing and under
 * construction the base works under the name with （筹） (Art. 18); an
 * application, pending or rejected, is shown under the name it applies for,
 * which is that same preparatory one.  A revoked base keeps the final form:
 * the state alone cannot tell whether it had been accepted.
 */
static gboolean
has_final_name (SbBaseState state)
{
  SbPhase phase = sb_base_state_get_phase (state);

  return phase == SB_PHASE_ESTABLISHED || phase == SB_PHASE_REVOKED;
}

char *
sb_base_name_for_state_zh (SbBaseState  state,
                           const char  *short_name)
{
  if (!has_final_name (state))
    return sb_base_name_preparatory_zh (short_name);

  return sb_base_name_established_zh (short_name);
}

char *
sb_base_name_for_state_en (SbBaseState  state,
                           const char  *short_name_en)
{
  if (!has_final_name (state))
    return sb_base_name_preparatory_en (short_name_en);

  return sb_base_name_established_en (short_name_en);
}
