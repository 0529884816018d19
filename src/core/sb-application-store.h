/* sb-application-store.h: submitting an application (申报书)
 */
#pragma once

#include <glib.h>

#include "sb-base-store.h"

G_BEGIN_DECLS

#define SB_APPLICATION_ERROR (sb_application_error_quark ())

typedef enum
{
  SB_APPLICATION_ERROR_INVALID,   /* the form has errors; the message lists the first */
} SbApplicationError;

GQuark  sb_application_error_quark (void);

gint64  sb_application_submit      (SbBaseStore  *store,
                                    GHashTable   *values,
                                    gint64        draft_id,
                                    const char   *actor,
                                    const GDate  *today,
                                    GError      **error);

G_END_DECLS
