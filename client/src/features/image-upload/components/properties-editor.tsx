// Free-form image properties: rows of key and value, added and removed at will, checked with the rest of the form.
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { describedBy, FieldError, inputClass } from '../../../lib/ui/form-controls';
import type { ImageMetadataValues } from '../model/image-metadata';

export function PropertiesEditor({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const { control, register, formState } = useFormContext<ImageMetadataValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'properties' });
  const errors = formState.errors.properties;

  return (
    <div className="space-y-2" data-testid="properties-editor">
      <p className="text-xs text-fg-muted">{t('image-upload.properties.hint')}</p>
      {fields.length === 0 ? (
        <p className="text-sm text-fg-muted">{t('image-upload.properties.none')}</p>
      ) : (
        <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)_auto] gap-x-2 gap-y-1">
          <span aria-hidden="true" className="text-xs font-medium text-fg-muted">
            {t('image-upload.properties.key')}
          </span>
          <span aria-hidden="true" className="col-span-2 text-xs font-medium text-fg-muted">
            {t('image-upload.properties.value')}
          </span>
          {fields.map((field, index) => {
            const keyId = `property-key-${index}`;
            const keyError = errors?.[index]?.key?.message;
            const valueError = errors?.[index]?.value?.message;
            return (
              <div key={field.id} className="contents" data-testid="property-row">
                <div>
                  <input
                    id={keyId}
                    className={`${inputClass} font-mono`}
                    autoComplete="off"
                    disabled={disabled}
                    aria-label={t('image-upload.properties.keyOf', { index: index + 1 })}
                    aria-invalid={keyError ? true : undefined}
                    aria-describedby={describedBy(keyId, { error: !!keyError })}
                    {...register(`properties.${index}.key`)}
                  />
                  <FieldError id={`${keyId}-error`} message={keyError} />
                </div>
                <div>
                  <input
                    id={`property-value-${index}`}
                    className={inputClass}
                    autoComplete="off"
                    disabled={disabled}
                    aria-label={t('image-upload.properties.valueOf', { index: index + 1 })}
                    aria-invalid={valueError ? true : undefined}
                    aria-describedby={describedBy(`property-value-${index}`, { error: !!valueError })}
                    {...register(`properties.${index}.value`)}
                  />
                  <FieldError id={`property-value-${index}-error`} message={valueError} />
                </div>
                <Button
                  variant="ghost"
                  className="h-9 self-start px-2"
                  disabled={disabled}
                  onClick={() => remove(index)}
                  aria-label={t('image-upload.properties.remove', { index: index + 1 })}
                >
                  <span aria-hidden="true">✕</span>
                </Button>
              </div>
            );
          })}
        </div>
      )}
      <Button onClick={() => append({ key: '', value: '' })} disabled={disabled} data-testid="add-property">
        {t('image-upload.properties.add')}
      </Button>
    </div>
  );
}
