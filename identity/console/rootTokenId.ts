/** The id authenticateToken gives KEYFORM_ADMIN_TOKEN, which has no record in identity.json. */
export const envRootTokenId = 'env:KEYFORM_ADMIN_TOKEN';
