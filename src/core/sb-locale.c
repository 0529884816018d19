/* sb-locale.c: which of the two names reference data carries to show
 *
 * Domains, cities and tags are rows with a Chinese and an English name, not
 * gettext strings, since the authority can add them.  The user's message
 * locale decides which one a screen shows.
 */
#define G_LOG_DOMAIN "sb-locale"

#include "config.h"

#include "sb-locale.h"

gboolean
sb_locale_prefers_chinese (void)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_has_prefix (languages[i], "zh"))
        return TRUE;
      if (g_str_has_prefix (languages[i], "en"))
        return FALSE;
    }

  return FALSE;
}

const char *
sb_locale_pick (const char *name_zh,
                const char *name_en)
{
  if (name_en == NULL || *name_en == '\0')
    return name_zh;

  return sb_locale_prefers_chinese () ? name_zh : name_en;
}
