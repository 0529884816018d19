/* sb-locale.h: which of the two names reference data carries to show
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    sb_locale_prefers_chinese (void);
const char *sb_locale_pick            (const char *name_zh,
                                       const char *name_en);

G_END_DECLS
