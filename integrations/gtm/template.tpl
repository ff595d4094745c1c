___TERMS_OF_SERVICE___

By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.


___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "retainkit",
  "categories": ["PERSONALIZATION", "ANALYTICS"],
  "brand": {
    "id": "brand_dummy",
    "displayName": "retainkit"
  },
  "description": "Loads the retainkit loader (spin wheel, loyalty badge, reviews, account prompt, next-order offer, survey, referral), pushes the widgets' events to the dataLayer with GA4 names, and follows consent mode.",
  "containerContexts": [
    "WEB"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "TEXT",
    "name": "loaderUrl",
    "displayName": "Loader URL",
    "simpleValueType": true,
    "defaultValue": "https://cdn.jsdelivr.net/npm/retainkit@0.1.0/dist/retainkit.js",
    "help": "Where retainkit.js is served: the npm CDN (pin a version) or your own copy of dist/ (then add its address to this template's Injects scripts permission).",
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      },
      {
        "type": "REGEX",
        "args": [
          "^https://.+/retainkit\\.js$"
        ]
      }
    ]
  },
  {
    "type": "CHECKBOX",
    "name": "forwardToDataLayer",
    "checkboxText": "Push the widgets' events to the dataLayer (event: retain_spin_ended, retain_review_voted, …)",
    "simpleValueType": true,
    "defaultValue": true
  },
  {
    "type": "SELECT",
    "name": "consent",
    "displayName": "Consent",
    "selectItems": [
      {
        "value": "analytics_storage",
        "displayValue": "Follow consent mode: forward only while analytics_storage is granted"
      },
      {
        "value": "none",
        "displayValue": "Forward at once"
      }
    ],
    "simpleValueType": true,
    "defaultValue": "analytics_storage"
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

// Loads the retainkit loader (it runs as the classic script injectScript adds: it imports nothing statically
// and leaves no global but window.retainkit), then wires it to this container.
const injectScript = require('injectScript');
const callInWindow = require('callInWindow');
const createQueue = require('createQueue');
const isConsentGranted = require('isConsentGranted');
const addConsentListener = require('addConsentListener');
const getType = require('getType');
const logToConsole = require('logToConsole');
const Object = require('Object');

const dataLayerPush = createQueue('dataLayer');

// GA4 names, as the kit's own <retain-forward to="datalayer"> writes them: retain-spin-ended becomes
// retain_spin_ended, orderId becomes order_id, nested fields are joined with _ and arrays with commas.
const snake = (text) => {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const lower = c.toLowerCase();
    if (c === '-' || c === ' ' || c === '.') out = out + '_';
    else if (c !== lower && i > 0) out = out + '_' + lower;
    else out = out + lower;
  }
  return out;
};
const flatten = (value, prefix, params) => {
  Object.keys(value).forEach((key) => {
    if (key === 'id' && prefix === '') return;
    const name = prefix + snake(key);
    const inner = value[key];
    const type = getType(inner);
    if (type === 'object') flatten(inner, name + '_', params);
    else params[name] = type === 'array' ? inner.join(',') : inner;
  });
  return params;
};
// Google Tag Manager's data model keeps every key ever pushed: the previous event's parameters are unset.
let pushed = [];
const push = (record) => {
  const entry = {};
  pushed.forEach((key) => {
    entry[key] = undefined;
  });
  const params = flatten(record.detail, '', { event_id: record.detail.id });
  if (record.cancelled) params.cancelled = true;
  pushed = Object.keys(params);
  pushed.forEach((key) => {
    entry[key] = params[key];
  });
  entry.event = snake(record.name);
  dataLayerPush(entry);
};

const onLoaded = () => {
  if (data.consent === 'analytics_storage') {
    const follow = () => {
      callInWindow('retainkit.consent', isConsentGranted('analytics_storage') ? 'granted' : 'denied');
    };
    follow();
    addConsentListener('analytics_storage', follow);
  }
  if (data.forwardToDataLayer) callInWindow('retainkit.forward', push, { name: 'gtm-template' });
  data.gtmOnSuccess();
};
const onFailed = () => {
  logToConsole('retainkit: could not load', data.loaderUrl);
  data.gtmOnFailure();
};

injectScript(data.loaderUrl, onLoaded, onFailed, 'retainkit');


___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "inject_script",
        "versionId": "1"
      },
      "param": [
        {
          "key": "urls",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/retainkit@*/dist/retainkit.js"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_globals",
        "versionId": "1"
      },
      "param": [
        {
          "key": "keys",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  { "type": 1, "string": "key" },
                  { "type": 1, "string": "read" },
                  { "type": 1, "string": "write" },
                  { "type": 1, "string": "execute" }
                ],
                "mapValue": [
                  { "type": 1, "string": "retainkit.forward" },
                  { "type": 8, "boolean": false },
                  { "type": 8, "boolean": false },
                  { "type": 8, "boolean": true }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  { "type": 1, "string": "key" },
                  { "type": 1, "string": "read" },
                  { "type": 1, "string": "write" },
                  { "type": 1, "string": "execute" }
                ],
                "mapValue": [
                  { "type": 1, "string": "retainkit.consent" },
                  { "type": 8, "boolean": false },
                  { "type": 8, "boolean": false },
                  { "type": 8, "boolean": true }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  { "type": 1, "string": "key" },
                  { "type": 1, "string": "read" },
                  { "type": 1, "string": "write" },
                  { "type": 1, "string": "execute" }
                ],
                "mapValue": [
                  { "type": 1, "string": "dataLayer" },
                  { "type": 8, "boolean": true },
                  { "type": 8, "boolean": true },
                  { "type": 8, "boolean": false }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_consent",
        "versionId": "1"
      },
      "param": [
        {
          "key": "consentTypes",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  { "type": 1, "string": "consentType" },
                  { "type": 1, "string": "read" },
                  { "type": 1, "string": "write" }
                ],
                "mapValue": [
                  { "type": 1, "string": "analytics_storage" },
                  { "type": 8, "boolean": true },
                  { "type": 8, "boolean": false }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "logging",
        "versionId": "1"
      },
      "param": [
        {
          "key": "environments",
          "value": {
            "type": 1,
            "string": "debug"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  }
]


___TESTS___

scenarios: []


___NOTES___

retainkit's Google Tag Manager template. See README.md beside it.
